package org.musetag.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.musetag.library.Library;
import org.musetag.library.LibraryException;
import org.musetag.library.Track;
import org.musetag.ml.TrackClassifier;

/**
 * Runs the active model over the library's tracks (decode → features → inference → store). Tracks already analysed
 * by the same model version from the same file are skipped, so a cancelled run resumes where it stopped. Results
 * are stored in transactions of {@link #BATCH}; memory stays bounded by the workers' files in hand.
 */
public final class AnalyzeJob {
  static final int BATCH = 25;

  /** What a run did. */
  public record Report(int total, int analysed, int failed, int skipped, boolean cancelled) {}

  private final Library library;
  private final TrackClassifier classifier;
  private final ClassifyJob classify;

  public AnalyzeJob(Library library, TrackClassifier classifier, ClassifyJob classify) {
    this.library = library;
    this.classifier = classifier;
    this.classify = classify;
  }

  public Report run(JobListener listener, BooleanSupplier cancelled) throws LibraryException {
    return run(listener, cancelled, path -> true);
  }

  /** Analyses only the tracks whose path is in {@code scope} (e.g. under the folders a user chose). */
  public Report run(JobListener listener, BooleanSupplier cancelled, Predicate<Path> scope)
      throws LibraryException {
    Set<Long> upToDate = library.analyses().upToDate(classifier.model().id());
    List<Track> inScope =
        library.tracks().all(Track.OK).stream().filter(t -> scope.test(t.path())).toList();
    Set<Long> done =
        inScope.stream()
            .map(Track::id)
            .filter(upToDate::contains)
            .collect(java.util.stream.Collectors.toSet());
    List<Track> todo = inScope.stream().filter(t -> !done.contains(t.id())).toList();
    List<Track> pending = new ArrayList<>();
    List<org.musetag.ml.Analysis> results = new ArrayList<>();
    int[] counts = new int[2];
    LibraryException[] failure = new LibraryException[1];
    classify.run(
        todo.stream().map(Track::path).toList(),
        outcome -> {
          int index = counts[0] + counts[1];
          Track track = todo.get(index);
          if (outcome.analysis() != null) {
            pending.add(track);
            results.add(outcome.analysis());
            counts[0]++;
            // Analysed, but not on a sound file (cut short, misnamed, damaged tags): the user is
            // told.
            outcome
                .analysis()
                .notes()
                .forEach(note -> listener.problem(outcome.file(), outcome.file() + ": " + note));
          } else {
            counts[1]++;
            listener.problem(outcome.file(), outcome.problem().getMessage());
          }
          if (pending.size() >= BATCH && failure[0] == null) {
            failure[0] = flush(pending, results);
          }
          listener.progress(counts[0] + counts[1], todo.size());
        },
        () -> cancelled.getAsBoolean() || failure[0] != null);
    if (failure[0] == null) {
      failure[0] = flush(pending, results);
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    boolean stopped = counts[0] + counts[1] < todo.size();
    return new Report(todo.size() + done.size(), counts[0], counts[1], done.size(), stopped);
  }

  private LibraryException flush(List<Track> tracks, List<org.musetag.ml.Analysis> analyses) {
    try {
      long now = System.currentTimeMillis();
      library.inTransaction(
          () -> {
            for (int i = 0; i < tracks.size(); i++) {
              library.analyses().store(tracks.get(i), analyses.get(i), now);
            }
          });
      tracks.clear();
      analyses.clear();
      return null;
    } catch (LibraryException e) {
      return e;
    }
  }
}
