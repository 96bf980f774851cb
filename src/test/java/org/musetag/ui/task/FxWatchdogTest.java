package org.musetag.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The watchdog notices the two ways of freezing a window: waiting (I/O, a future) and computing on the FX thread. */
@ExtendWith(ApplicationExtension.class)
class FxWatchdogTest {
  @Start
  void start(Stage stage) {
    stage.show();
  }

  @Test
  void catchesWaitingOnTheFxThread() throws Exception {
    try (FxWatchdog watchdog = new FxWatchdog()) {
      Thread.sleep(50);
      Platform.runLater(() -> sleep(250));
      WaitForAsyncUtils.waitForFxEvents();
      Thread.sleep(50);
      assertThat(watchdog.worstBlockedMillis()).isGreaterThan(150);
      assertThat(watchdog.evidence()).contains("FxWatchdogTest");
    }
  }

  @Test
  void catchesComputingOnTheFxThread() throws Exception {
    try (FxWatchdog watchdog = new FxWatchdog()) {
      Thread.sleep(50);
      Platform.runLater(() -> spin(300));
      WaitForAsyncUtils.waitForFxEvents();
      Thread.sleep(50);
      assertThat(watchdog.worstBlockedMillis()).isGreaterThan(100);
    }
  }

  @Test
  @Tag("timing")
  void anIdleWindowIsNotBlocked() throws Exception {
    try (FxWatchdog watchdog = new FxWatchdog()) {
      Thread.sleep(300);
      assertThat(watchdog.pings()).isGreaterThan(5);
      assertThat(watchdog.worstBlockedMillis()).isLessThan(100);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Burns {@code cpuMs} of the FX thread's own CPU time, however busy the machine is. */
  private static void spin(long cpuMs) {
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long start = mx.getCurrentThreadCpuTime();
    long x = 0;
    while (mx.getCurrentThreadCpuTime() - start < TimeUnit.MILLISECONDS.toNanos(cpuMs)) {
      x += System.nanoTime() % 7;
    }
    if (x == 42) {
      throw new IllegalStateException();
    }
  }
}
