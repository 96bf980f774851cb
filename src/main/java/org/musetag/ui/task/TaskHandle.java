package org.musetag.ui.task;

/** A submitted {@link BackgroundTask}: lets its starter ask it to stop. */
public interface TaskHandle {

  /** Asks the work to stop at its next check; it still ends through its success or failure handler. */
  void cancel();

  boolean isDone();
}
