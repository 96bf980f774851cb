package org.musetag.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The FX task runner when its window has closed while a task was still running. */
@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerTest {
  @Start
  void start(Stage stage) {
    stage.show();
  }

  @Test
  void aTaskAskedForByOneFinishingAfterTheWindowClosedIsNotStartedAndNothingThrows()
      throws Throwable {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    FxTaskRunner runner = new FxTaskRunner(executor, failures::add);
    CountDownLatch closed = new CountDownLatch(1);
    AtomicBoolean secondRan = new AtomicBoolean();
    // as the app's first task: reading the heads, then reloading the library from its handler
    runner.run(
        BackgroundTask.of(
                "first",
                ctx -> {
                  closed.await();
                  return 1;
                })
            .onSuccess(
                x ->
                    runner.run(
                        BackgroundTask.of(
                                "second",
                                ctx -> {
                                  secondRan.set(true);
                                  return 2;
                                })
                            .listed())));
    WaitForAsyncUtils.waitForFxEvents();

    executor.shutdown(); // the window closes while the first task still runs
    closed.countDown();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    WaitForAsyncUtils.waitForFxEvents();

    WaitForAsyncUtils.checkException(); // what the FX thread threw, if anything
    assertThat(failures).isEmpty();
    assertThat(secondRan).isFalse();
    assertThat(runner.activeJobs()).isEmpty();
  }
}
