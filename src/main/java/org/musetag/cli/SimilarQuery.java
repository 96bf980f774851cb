package org.musetag.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import org.musetag.MusetagException;
import org.musetag.app.Services;
import org.musetag.jobs.ClassifyJob;
import org.musetag.library.Library;
import org.musetag.library.Track;
import org.musetag.similar.SoundIndex;
import org.musetag.similar.SoundVector;

/**
 * What the similar-songs commands ask about: each FILE as a row of the index (a library track the model heard) or,
 * for any other audio file, the vector of the analysis it is given now (heard, not added to the library).
 */
final class SimilarQuery {
  /** A query: its file, and either its row in the index or its vector; or why it cannot be asked. */
  record Query(Path file, OptionalInt row, float[] vector, String error) {}

  private SimilarQuery() {}

  /** Resolves {@code files} in order; files outside the index are heard by the bundled model, in parallel. */
  static List<Query> resolve(
      Services services, Library library, SoundIndex index, List<Path> files, int threads)
      throws MusetagException {
    Map<Integer, Query> byPosition = new LinkedHashMap<>();
    List<Path> toHear = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i).toAbsolutePath().normalize();
      Track t = Files.exists(f) ? library.tracks().byPath(f) : null;
      OptionalInt row = t == null ? OptionalInt.empty() : index.rowOf(t.id());
      if (row.isPresent()) {
        byPosition.put(i, new Query(f, row, null, null));
      } else {
        toHear.add(f);
        positions.add(i);
      }
    }
    if (!toHear.isEmpty()) {
      ExecutorService pool = services.executors().apply(threads);
      try {
        int[] next = {0};
        new ClassifyJob(services.model().classifier(), pool, threads)
            .run(
                toHear,
                o -> {
                  int at = positions.get(next[0]++);
                  byPosition.put(
                      at,
                      o.analysis() != null
                          ? new Query(
                              o.file(), OptionalInt.empty(), SoundVector.of(o.analysis()), null)
                          : new Query(o.file(), OptionalInt.empty(), null, o.error()));
                });
      } finally {
        pool.shutdownNow();
      }
    }
    List<Query> out = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      out.add(byPosition.get(i));
    }
    return out;
  }
}
