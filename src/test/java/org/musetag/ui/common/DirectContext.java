package org.musetag.ui.common;

/** A {@link TaskContext} for calling background services directly from a test: no progress, never cancelled. */
public final class DirectContext implements TaskContext {
  @Override
  public void progress(double done, double total) {}

  @Override
  public void message(String message) {}

  @Override
  public boolean isCancelled() {
    return false;
  }

  @Override
  public void publish(Runnable uiUpdate) {
    uiUpdate.run();
  }
}
