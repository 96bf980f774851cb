package org.musetag.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one worker engine: results in input order whatever order they finish in, a predictor per worker, cancel. */
class ParallelListeningTest {
  @TempDir Path dir;
  private final ExecutorService pool = Executors.newFixedThreadPool(3);

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  @Test
  void resultsComeInInputOrderWhenLaterItemsFinishFirst() throws Exception {
    List<Integer> items = IntStream.range(0, 12).boxed().toList();
    List<Integer> delivered = new ArrayList<>();
    Set<PatchPredictor> predictors = Collections.synchronizedSet(new HashSet<>());
    try (PatchModel model = SharedSessions.bundled(dir, DevicePreference.CPU)) {
      new ParallelListening(model, pool, 3)
          .run(
              items,
              (i, predictor) -> {
                predictors.add(predictor);
                sleep(
                    i % 3 == 0
                        ? 60
                        : 5); // every third item is slow, so its followers finish before it
                return i;
              },
              delivered::add,
              () -> false);
    }
    assertThat(delivered).isEqualTo(items);
    assertThat(predictors).hasSizeBetween(1, 3); // one per worker, never one per item
  }

  @Test
  void aCancelledRunDeliversWhatWasDoneAndReturns() throws Exception {
    List<Integer> items = IntStream.range(0, 50).boxed().toList();
    List<Integer> delivered = new ArrayList<>();
    AtomicBoolean cancel = new AtomicBoolean();
    try (PatchModel model = SharedSessions.bundled(dir, DevicePreference.CPU)) {
      new ParallelListening(model, pool, 2)
          .run(
              items,
              (i, predictor) -> {
                if (i == 5) {
                  cancel.set(true);
                }
                sleep(10);
                return i;
              },
              delivered::add,
              cancel::get);
    }
    assertThat(delivered).isNotEmpty().hasSizeLessThan(items.size());
    assertThat(delivered).isEqualTo(items.subList(0, delivered.size()));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
