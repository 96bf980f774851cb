package org.musetag.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.musetag.FileFailure;
import org.musetag.MusetagException;
import org.musetag.audio.AudioFileException;
import org.musetag.ml.Analysis;
import org.musetag.ml.ParallelListening;
import org.musetag.ml.PatchPredictor;
import org.musetag.ml.TrackClassifier;

/**
 * Classifies many files on {@link ParallelListening} (a fixed number of workers, each with its own predictor) and
 * hands results to the caller in input order as they become available. A bad file becomes a failed
 * {@link Outcome}; the others go on.
 */
public final class ClassifyJob {
  /**
   * The result for one file: an analysis, or the problem that stopped it; with the mel frames the model heard when
   * the job was asked to keep them ({@link #keepingMel}), else null.
   */
  public record Outcome(Path file, Analysis analysis, MusetagException problem, float[][] mel) {
    public Outcome(Path file, Analysis analysis, MusetagException problem) {
      this(file, analysis, problem, null);
    }

    /**
     * Why the file could not be heard, in the words {@code musetag classify} prints as its {@code error} and the
     * app's card shows: a file's own problem without its name (which is shown beside it), anything else whole;
     * null when it was heard.
     */
    public String error() {
      if (problem == null) {
        return null;
      }
      return problem instanceof AudioFileException a ? a.reason() : problem.getMessage();
    }
  }

  private final TrackClassifier classifier;
  private final ExecutorService executor;
  private final int workers;
  private final boolean keepMel;

  public ClassifyJob(TrackClassifier classifier, ExecutorService executor, int workers) {
    this(classifier, executor, workers, false);
  }

  private ClassifyJob(
      TrackClassifier classifier, ExecutorService executor, int workers, boolean keepMel) {
    this.classifier = classifier;
    this.executor = executor;
    this.workers = workers;
    this.keepMel = keepMel;
  }

  /**
   * The same job, handing out with each outcome the mel frames the model heard (for a view that shows them): the
   * file is then decoded and its mel computed once, not again for the picture. Off by default, for memory.
   */
  public ClassifyJob keepingMel() {
    return new ClassifyJob(classifier, executor, workers, true);
  }

  public void run(List<Path> files, Consumer<Outcome> inOrder) {
    run(files, inOrder, () -> false);
  }

  /**
   * Classifies {@code files}, passing each outcome to {@code inOrder} on the calling thread, in input order. When
   * {@code cancelled} turns true, workers finish the file in hand and take no more; the outcomes already made are
   * still delivered, then this returns.
   */
  public void run(List<Path> files, Consumer<Outcome> inOrder, BooleanSupplier cancelled) {
    new ParallelListening(classifier.model(), executor, workers)
        .run(files, this::classifyOne, inOrder, cancelled);
  }

  private Outcome classifyOne(Path file, PatchPredictor predictor) {
    try {
      if (keepMel) {
        TrackClassifier.Heard heard = classifier.hear(file, predictor);
        return new Outcome(file, heard.analysis(), null, heard.mel());
      }
      return new Outcome(file, classifier.classify(file, predictor), null);
    } catch (MusetagException e) {
      return new Outcome(file, null, e);
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError | LinkageError e) {
      // A bug or a damaged file met on one file must not stop the batch: report it with a code to
      // find in the log.
      return new Outcome(file, null, FileFailure.exception(file, e));
    }
  }
}
