package org.musetag.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import org.musetag.FileFailure;
import org.musetag.PathProblems;
import org.musetag.audio.AudioDecoder;
import org.musetag.audio.AudioFileException;
import org.musetag.audio.AudioInfo;

/**
 * Indexes folders into the library. Incremental: a file whose size and modification time match the library is not
 * opened again. Files are probed in parallel on the given executor and written by the calling thread in
 * transactions of {@link #BATCH}. Symbolic links are followed (loops reported, not followed). Unreadable files are
 * recorded with the reason and listed in the report, as are folders given that cannot be scanned; files gone since the last scan are
 * marked missing, and a new file that matches a missing one (same size and duration) is taken as that file moved.
 */
public final class LibraryScanner {
  static final int BATCH = 250;

  private final Library library;
  private final AudioDecoder decoder;
  private final ExecutorService executor;

  public LibraryScanner(Library library, AudioDecoder decoder, ExecutorService executor) {
    this.library = library;
    this.decoder = decoder;
    this.executor = executor;
  }

  public ScanReport scan(List<Path> roots, ScanProgress progress, BooleanSupplier cancelled)
      throws LibraryException, IOException {
    Counts n = new Counts();
    List<String> problems = new ArrayList<>();
    List<String> failedRoots = new ArrayList<>();
    for (Path root : roots) {
      Path abs = root.toAbsolutePath().normalize();
      String why = rootProblem(abs);
      if (why != null) {
        problems.add(abs + ": " + why);
        failedRoots.add(abs + ": " + why);
        continue;
      }
      scanRoot(abs, n, problems, progress, cancelled);
      problems.addAll(n.problems);
      n.problems.clear();
    }
    return new ScanReport(
        n.files,
        n.added,
        n.updated,
        n.unchanged,
        n.unreadable,
        n.missing,
        n.moved,
        cancelled.getAsBoolean(),
        List.copyOf(problems),
        List.copyOf(failedRoots));
  }

  /** Why a folder (or file) given to scan cannot be scanned, or null. A missing folder must not look like an empty one. */
  private static String rootProblem(Path root) {
    String why = PathProblems.whyNotThere(root);
    if (why == null && Files.isRegularFile(root) && !AudioFiles.looksLikeAudio(root)) {
      return "is not an audio file (by its extension) nor a folder";
    }
    return why;
  }

  private void scanRoot(
      Path root, Counts n, List<String> problems, ScanProgress progress, BooleanSupplier cancelled)
      throws LibraryException, IOException {
    List<AudioFiles.Found> files = AudioFiles.under(root, problems);
    Map<String, long[]> known = library.tracks().fingerprintsUnder(root);
    Set<String> seen = new HashSet<>();
    List<ScannedFile> stale = new ArrayList<>();
    for (AudioFiles.Found f : files) {
      seen.add(f.path().toString());
      long[] k = known.get(f.path().toString());
      if (k != null && k[0] == f.size() && k[1] == f.mtimeMs()) {
        n.unchanged++;
      } else {
        stale.add(
            new ScannedFile(f.path(), f.size(), f.mtimeMs(), null, null, null, 0, 0, 0, null));
      }
    }
    n.files += files.size();
    List<String> gone = known.keySet().stream().filter(p -> !seen.contains(p)).toList();
    library.inTransaction(() -> library.tracks().markMissing(gone));
    n.missing += gone.size();
    probeAndStore(stale, known, n, progress, files.size(), cancelled);
  }

  private void probeAndStore(
      List<ScannedFile> stale,
      Map<String, long[]> known,
      Counts n,
      ScanProgress progress,
      int total,
      BooleanSupplier cancelled)
      throws LibraryException {
    CompletionService<ScannedFile> done = new ExecutorCompletionService<>(executor);
    for (ScannedFile f : stale) {
      done.submit(() -> cancelled.getAsBoolean() ? null : probe(f));
    }
    List<ScannedFile> batch = new ArrayList<>();
    int finished = total - stale.size();
    for (int i = 0; i < stale.size(); i++) {
      ScannedFile f = take(done);
      finished++;
      if (f != null) {
        batch.add(f);
      }
      if (batch.size() >= BATCH || i == stale.size() - 1) {
        store(batch, known, n);
        batch.clear();
        progress.update(finished, total);
      }
    }
  }

  private void store(List<ScannedFile> batch, Map<String, long[]> known, Counts n)
      throws LibraryException {
    long now = System.currentTimeMillis();
    library.inTransaction(
        () -> {
          for (ScannedFile f : batch) {
            boolean isNew = !known.containsKey(f.path().toString());
            if (isNew && f.readable() && moveFromMissing(f, now)) {
              n.moved++;
              continue;
            }
            library.tracks().upsert(f, now);
            if (!f.readable()) {
              n.unreadable++;
              n.problems.add(Track.problemLine(f.path(), f.problem()));
            } else if (isNew) {
              n.added++;
            } else {
              n.updated++;
            }
          }
        });
  }

  private boolean moveFromMissing(ScannedFile f, long now) throws SQLException {
    for (Track t : library.tracks().missingWithSize(f.size())) {
      if (Math.abs(t.durationSeconds() - f.durationSeconds()) < 0.05) {
        library.tracks().move(t.id(), f, now);
        return true;
      }
    }
    return false;
  }

  private ScannedFile probe(ScannedFile f) {
    try {
      AudioInfo info = decoder.probe(f.path());
      return new ScannedFile(
          f.path(),
          f.size(),
          f.mtimeMs(),
          null,
          info.format(),
          info.codec(),
          info.durationSeconds(),
          info.sampleRate(),
          info.channels(),
          info.tags());
    } catch (AudioFileException e) {
      return new ScannedFile(
          f.path(), f.size(), f.mtimeMs(), e.reason(), null, null, 0, 0, 0, null);
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError | LinkageError e) {
      return new ScannedFile(
          f.path(),
          f.size(),
          f.mtimeMs(),
          FileFailure.reason(f.path(), e),
          null,
          null,
          0,
          0,
          0,
          null);
    }
  }

  private static ScannedFile take(CompletionService<ScannedFile> done) throws LibraryException {
    try {
      return done.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LibraryException("the scan was interrupted");
    } catch (ExecutionException e) {
      throw new LibraryException("the scan failed: " + e.getCause(), e.getCause());
    }
  }

  private static final class Counts {
    int files;
    int added;
    int updated;
    int unchanged;
    int unreadable;
    int missing;
    int moved;

    /** "path: reason" of the files probed and found unreadable, in the order they were stored. */
    final List<String> problems = new ArrayList<>();
  }
}
