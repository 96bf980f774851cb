package org.musetag.ui.task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A piece of slow work (decoding, inference, SQL, file I/O) for a {@link TaskRunner}, with what to do on the UI
 * thread when it ends. Built fluently: {@code BackgroundTask.of("Scanning", ctx -> ...).onSuccess(...).listed()}.
 *
 * @param <T> the result handed to {@link #onSuccess}
 */
public final class BackgroundTask<T> {

  /** The work itself; runs on a background thread. */
  @FunctionalInterface
  public interface Work<T> {
    T run(TaskContext context) throws Exception;
  }

  private final String title;
  private final Work<T> work;
  private Consumer<? super T> onSuccess = result -> {};
  private Consumer<Throwable> onFailure;
  private boolean listed;

  private BackgroundTask(String title, Work<T> work) {
    this.title = Objects.requireNonNull(title);
    this.work = Objects.requireNonNull(work);
  }

  public static <T> BackgroundTask<T> of(String title, Work<T> work) {
    return new BackgroundTask<>(title, work);
  }

  /** Runs on the UI thread with the result. */
  public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
    this.onSuccess = Objects.requireNonNull(handler);
    return this;
  }

  /** Runs on the UI thread when the work throws; without one the runner shows the problem to the user. */
  public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
    this.onFailure = handler;
    return this;
  }

  /** Shows the task among the running jobs in the status bar, with progress and a cancel button. */
  public BackgroundTask<T> listed() {
    this.listed = true;
    return this;
  }

  public String title() {
    return title;
  }

  public Work<T> work() {
    return work;
  }

  public Consumer<? super T> successHandler() {
    return onSuccess;
  }

  /** The failure handler, or null when the runner's default applies. */
  public Consumer<Throwable> failureHandler() {
    return onFailure;
  }

  public boolean isListed() {
    return listed;
  }
}
