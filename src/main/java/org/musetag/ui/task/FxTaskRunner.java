package org.musetag.ui.task;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TaskRunner} on {@code javafx.concurrent.Task}: work runs on the injected executor, progress and messages
 * are coalesced onto the FX thread by the Task, handlers run on the FX thread. The only class of the UI that calls
 * {@link Platform#runLater}.
 */
public final class FxTaskRunner implements TaskRunner {
  private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

  private final Executor executor;
  private final Consumer<Throwable> defaultFailure;
  private final ObservableList<ActiveJob> jobs = FXCollections.observableArrayList();

  /**
   * @param executor runs the work; threads are expected to be daemons so a closed window ends the app
   * @param defaultFailure shows a failure when the task has no handler of its own (runs on the FX thread)
   */
  public FxTaskRunner(Executor executor, Consumer<Throwable> defaultFailure) {
    this.executor = executor;
    this.defaultFailure = defaultFailure;
  }

  /** The listed tasks now running, for the status bar; changed on the FX thread only. */
  public ObservableList<ActiveJob> activeJobs() {
    return jobs;
  }

  /** Runs {@code r} on the FX thread: now when already there, else soon. */
  public static void onFxThread(Runnable r) {
    if (Platform.isFxApplicationThread()) {
      r.run();
    } else {
      Platform.runLater(r);
    }
  }

  @Override
  public <T> TaskHandle run(BackgroundTask<T> task) {
    ContextTask<T> fx = new ContextTask<>(task);
    onFxThread(() -> start(fx));
    return fx.handle;
  }

  private <T> void start(ContextTask<T> fx) {
    BackgroundTask<T> task = fx.task;
    ActiveJob job = new ActiveJob(task.title(), fx.handle::cancel);
    fx.setOnSucceeded(
        e -> {
          jobs.remove(job);
          task.successHandler().accept(fx.getValue());
        });
    fx.setOnFailed(
        e -> {
          jobs.remove(job);
          Consumer<Throwable> handler =
              task.failureHandler() != null ? task.failureHandler() : defaultFailure;
          handler.accept(fx.getException());
        });
    if (task.isListed()) {
      job.bind(fx.progressProperty(), fx.messageProperty());
      jobs.add(job);
    }
    try {
      executor.execute(fx);
    } catch (RejectedExecutionException e) {
      // The window was closed (its executors shut down) while an earlier task was finishing, and
      // that
      // task's handler asked for this one (the app's first task reads the trained heads, which
      // needs
      // the bundled model's id: a large model's file takes a moment to unpack and read, so a window
      // closed soon after it opened meets this). Nothing is left to run it for.
      jobs.remove(job);
      LOG.debug("not started, the window is closing: {}", task.title());
    }
  }

  /**
   * One Task running one {@link BackgroundTask}. Cancellation is cooperative through its own flag: the work sees
   * {@link TaskContext#isCancelled()} and returns what it has; the thread is never interrupted (an interrupt would
   * close the file channels and database the work is using).
   */
  private static final class ContextTask<T> extends Task<T> {
    private final BackgroundTask<T> task;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    final TaskHandle handle =
        new TaskHandle() {
          @Override
          public void cancel() {
            stop.set(true);
          }

          @Override
          public boolean isDone() {
            return finished.get();
          }
        };

    ContextTask(BackgroundTask<T> task) {
      this.task = task;
    }

    @Override
    protected T call() throws Exception {
      try {
        return task.work()
            .run(
                new TaskContext() {
                  @Override
                  public void progress(double done, double total) {
                    report(done, total);
                  }

                  @Override
                  public void message(String message) {
                    updateMessage(message);
                  }

                  @Override
                  public boolean isCancelled() {
                    return stop.get();
                  }

                  @Override
                  public void publish(Runnable uiUpdate) {
                    Platform.runLater(uiUpdate);
                  }
                });
      } finally {
        finished.set(true);
      }
    }

    private void report(double done, double total) {
      updateProgress(total < 0 ? -1 : done, total < 0 ? 1 : total);
    }
  }
}
