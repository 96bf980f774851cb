package org.musetag.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one parallel engine for running the model over many items: a fixed number of workers, each holding its own
 * predictor for its whole life (DJL's advice), results handed to the caller on its own thread in input order as
 * they become available. Classifying ({@code ClassifyJob}) and collecting training embeddings
 * ({@code EmbeddingCollector}) both run on it, so the worker loop, its ordering and its cancelling live here once.
 */
public final class ParallelListening {
  /** The work for one item, on a worker thread, with that worker's predictor. Must not throw for a bad item. */
  @FunctionalInterface
  public interface Work<I, R> {
    R apply(I item, PatchPredictor predictor);
  }

  private final PatchModel model;
  private final ExecutorService executor;
  private final int workers;

  public ParallelListening(PatchModel model, ExecutorService executor, int workers) {
    this.model = model;
    this.executor = executor;
    this.workers = Math.max(1, workers);
  }

  /**
   * Runs {@code work} on every item, passing each result to {@code inOrder} on the calling thread, in input order.
   * When {@code cancelled} turns true, workers finish the item in hand and take no more; the results already made
   * are still delivered, then this returns. A worker that cannot start (its predictor fails) fails the whole run
   * with that exception, wrapped in a {@link java.util.concurrent.CompletionException}.
   */
  public <I, R> void run(
      List<I> items, Work<I, R> work, Consumer<R> inOrder, BooleanSupplier cancelled) {
    List<CompletableFuture<R>> results = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      results.add(new CompletableFuture<>());
    }
    AtomicInteger next = new AtomicInteger();
    int n = Math.min(workers, items.size());
    CountDownLatch workersDone = new CountDownLatch(n);
    for (int w = 0; w < n; w++) {
      executor.execute(
          () -> {
            try (PatchPredictor predictor = model.newPredictor()) {
              int i;
              while (!cancelled.getAsBoolean() && (i = next.getAndIncrement()) < items.size()) {
                results.get(i).complete(work.apply(items.get(i), predictor));
              }
            } catch (RuntimeException e) {
              for (CompletableFuture<R> f : results) {
                if (f != null) {
                  f.completeExceptionally(e);
                }
              }
            } finally {
              workersDone.countDown();
            }
          });
    }
    for (int i = 0; i < results.size(); i++) {
      CompletableFuture<R> f = results.get(i);
      if (!awaitOrWorkersGone(f, workersDone)) {
        return;
      }
      results.set(i, null); // delivered: the result is the caller's to keep or drop
      inOrder.accept(f.join());
    }
  }

  /** Waits for {@code f}; false when it will never complete because the workers have stopped (cancelled). */
  private static boolean awaitOrWorkersGone(CompletableFuture<?> f, CountDownLatch workersDone) {
    try {
      while (!f.isDone()) {
        if (workersDone.await(50, TimeUnit.MILLISECONDS) && !f.isDone()) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
