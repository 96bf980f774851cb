package org.musetag.ui.task;

import java.util.function.BooleanSupplier;

/**
 * A {@link TaskContext} for running background work on the calling thread in a test: no progress, UI updates run at
 * once, cancelled when the given condition says so (never, by default).
 */
public final class DirectContext implements TaskContext {
  private final BooleanSupplier cancelled;

  public DirectContext() {
    this(() -> false);
  }

  public DirectContext(BooleanSupplier cancelled) {
    this.cancelled = cancelled;
  }

  @Override
  public void progress(double done, double total) {}

  @Override
  public void message(String message) {}

  @Override
  public boolean isCancelled() {
    return cancelled.getAsBoolean();
  }

  @Override
  public void publish(Runnable uiUpdate) {
    uiUpdate.run();
  }
}
