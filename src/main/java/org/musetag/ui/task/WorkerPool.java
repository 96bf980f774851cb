package org.musetag.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * The pool that decodes and classifies files, sized by the threads setting. When the setting changes, the next
 * job gets a new pool and the old one finishes what it has and stops.
 */
public final class WorkerPool
    implements java.util.function.Supplier<ExecutorService>, AutoCloseable {
  private final IntFunction<ExecutorService> executors;
  private final IntSupplier threads;
  private ExecutorService pool;
  private int size;

  public WorkerPool(IntFunction<ExecutorService> executors, IntSupplier threads) {
    this.executors = executors;
    this.threads = threads;
  }

  @Override
  public synchronized ExecutorService get() {
    int wanted = Math.max(1, threads.getAsInt());
    if (pool == null || wanted != size) {
      if (pool != null) {
        pool.shutdown();
      }
      pool = executors.apply(wanted);
      size = wanted;
    }
    return pool;
  }

  @Override
  public synchronized void close() {
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
  }
}
