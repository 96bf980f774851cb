package org.musetag.ui.task;

/**
 * The one way view models run slow work: off the UI thread, with progress and cooperative cancellation, handlers
 * back on the UI thread. {@link FxTaskRunner} adapts it to {@code javafx.concurrent.Task}; tests run work on the
 * calling thread.
 */
public interface TaskRunner {

  <T> TaskHandle run(BackgroundTask<T> task);
}
