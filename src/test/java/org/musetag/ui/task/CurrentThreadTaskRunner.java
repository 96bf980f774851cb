package org.musetag.ui.task;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs background work at once on the calling thread, for view model tests: when {@code run} returns, the work
 * and its handlers have run. Failures without a handler are recorded, not shown.
 */
public final class CurrentThreadTaskRunner implements TaskRunner {
  public final List<Throwable> failures = new ArrayList<>();
  public final List<String> titles = new ArrayList<>();
  public volatile boolean cancelRequested;

  @Override
  public <T> TaskHandle run(BackgroundTask<T> task) {
    titles.add(task.title());
    TaskContext ctx = new DirectContext(() -> cancelRequested);
    try {
      T result = task.work().run(ctx);
      task.successHandler().accept(result);
    } catch (Exception e) {
      if (task.failureHandler() != null) {
        task.failureHandler().accept(e);
      } else {
        failures.add(e);
      }
    }
    return new TaskHandle() {
      @Override
      public void cancel() {
        cancelRequested = true;
      }

      @Override
      public boolean isDone() {
        return true;
      }
    };
  }
}
