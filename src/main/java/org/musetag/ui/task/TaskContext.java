package org.musetag.ui.task;

/**
 * What background work sees of the task running it: where to report progress, whether the user asked it to stop,
 * and how to hand intermediate results to the UI thread. Cancellation is cooperative: work checks
 * {@link #isCancelled()} and returns what it has, so partial results are never lost.
 */
public interface TaskContext {

  /** Reports {@code done} of {@code total} units; a negative total means "unknown". */
  void progress(double done, double total);

  /** A short line saying what the work is doing now. */
  void message(String message);

  boolean isCancelled();

  /** Runs {@code uiUpdate} on the UI thread, soon and in order (e.g. to show one finished result). */
  void publish(Runnable uiUpdate);
}
