package org.musetag.ml.heads.embeddings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.musetag.MusetagException;
import org.musetag.ml.Analysis;

/**
 * Where what the backbone heard in a file is kept between training runs, so a second run on the same folders does
 * not decode and listen again. The library implements it with a table (an interface here keeps the model code free
 * of JDBC and lets the library depend on {@code ml}, never the reverse).
 */
public interface EmbeddingStore {
  /** A file as it is on disk now: an entry is current while size and mtime match. */
  record Stamp(Path path, long size, long mtimeMs) {}

  /** What the backbone {@code analysis.model()} heard in a file, and the file's content hash. */
  record Entry(Stamp stamp, String sha256, Analysis analysis) {}

  /** Entries of {@code model} that are current for the given files, keyed by path; files without one are absent. */
  Map<Path, Entry> lookup(List<Stamp> files, String model) throws MusetagException;

  /** Stores (or replaces) entries, all in one transaction. */
  void store(List<Entry> entries) throws MusetagException;

  /** A store that remembers nothing: every run listens again. */
  EmbeddingStore NONE =
      new EmbeddingStore() {
        @Override
        public Map<Path, Entry> lookup(List<Stamp> files, String model) {
          return Map.of();
        }

        @Override
        public void store(List<Entry> entries) {}
      };
}
