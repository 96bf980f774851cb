package org.musetag.ui.task;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Fails a test when the FX thread gets blocked. A background thread posts a tiny ping to the FX thread every 10 ms;
 * for each ping it measures how long the FX thread was kept from running it by being <em>blocked</em>: the CPU time
 * the FX thread used meanwhile (work running on it) plus the time it was seen waiting on a lock, I/O or another
 * thread (sampled every 5 ms). Time the operating system simply did not schedule the thread is not counted: this
 * machine shares two cores with a training job, so wall-clock delays alone include hundreds of milliseconds that
 * no code of ours causes. The plain delays are kept too, for the report.
 */
public final class FxWatchdog implements AutoCloseable {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final List<long[]> history = Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;
  private final long fxThreadId;
  private volatile boolean running = true;
  private volatile String evidence = "";

  public FxWatchdog() throws InterruptedException {
    long[] id = new long[1];
    CountDownLatch found = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          id[0] = Thread.currentThread().getId();
          found.countDown();
        });
    found.await(5, TimeUnit.SECONDS);
    fxThreadId = id[0];
    thread = new Thread(this::loop, "fx-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      long posted = System.nanoTime();
      long cpuBefore = threads.getThreadCpuTime(fxThreadId);
      long[] ran = new long[2];
      CountDownLatch done = new CountDownLatch(1);
      Platform.runLater(
          () -> {
            ran[0] = System.nanoTime();
            ran[1] = threads.getCurrentThreadCpuTime();
            done.countDown();
          });
      long waiting = 0;
      long lastSample = posted;
      try {
        while (!done.await(5, TimeUnit.MILLISECONDS)) {
          long now = System.nanoTime();
          ThreadInfo info = threads.getThreadInfo(fxThreadId, 40);
          if (info != null && blocked(info)) {
            waiting += now - lastSample;
            if (waiting > 50_000_000L && evidence.length() < 20_000) {
              evidence += describe(info);
            }
          }
          lastSample = now;
          if (!running) {
            return;
          }
        }
        long cpu = Math.max(0, ran[1] - cpuBefore);
        history.add(new long[] {posted, cpu + waiting, ran[0] - posted, cpu});
        Thread.sleep(10);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Waiting on something other than its own queue of work: a lock, a future, I/O. */
  private static boolean blocked(ThreadInfo info) {
    Thread.State s = info.getThreadState();
    if (s == Thread.State.RUNNABLE || s == Thread.State.NEW || s == Thread.State.TERMINATED) {
      return false;
    }
    StackTraceElement[] stack = info.getStackTrace();
    for (StackTraceElement e : stack) {
      if (e.getClassName().contains("RunnableQueue")
          || e.getClassName().contains("InvokeLaterDispatcher")) {
        return false;
      }
    }
    return true;
  }

  private static String describe(ThreadInfo info) {
    StringBuilder s = new StringBuilder("FX thread " + info.getThreadState() + ":\n");
    for (StackTraceElement e : info.getStackTrace()) {
      s.append("  at ").append(e).append('\n');
    }
    return s.toString();
  }

  /** The longest the FX thread was blocked (busy or waiting) while a ping waited, in ms. */
  public double worstBlockedMillis() {
    return worstBlockedMillisBefore(Long.MAX_VALUE);
  }

  /** Like {@link #worstBlockedMillis()}, counting only pings posted before {@code nanoTime}. */
  public double worstBlockedMillisBefore(long nanoTime) {
    synchronized (history) {
      return history.stream().filter(h -> h[0] < nanoTime).mapToLong(h -> h[1]).max().orElse(0)
          / 1e6;
    }
  }

  /** The longest plain delay of a ping, scheduling included, in ms. */
  public double worstDelayMillis() {
    synchronized (history) {
      return history.stream().mapToLong(h -> h[2]).max().orElse(0) / 1e6;
    }
  }

  /** Stacks of the FX thread while it was seen waiting on something for over 50 ms. */
  public String evidence() {
    return evidence;
  }

  public long pings() {
    return history.size();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(1000);
  }
}
