package org.musetag.ui.task;

/**
 * Guards the rule that nothing slow runs on the FX thread. Checks the thread's name rather than asking JavaFX, so
 * view models and services stay usable where no toolkit is running (unit tests).
 */
public final class FxThread {
  static final String NAME = "JavaFX Application Thread";

  private FxThread() {}

  public static boolean isCurrent() {
    return NAME.equals(Thread.currentThread().getName());
  }

  /** Fails when called on the FX thread: {@code what} (decoding, inference, SQL, file I/O) must run elsewhere. */
  public static void checkNotOn(String what) {
    if (isCurrent()) {
      throw new IllegalStateException(what + " must not run on the JavaFX thread");
    }
  }
}
