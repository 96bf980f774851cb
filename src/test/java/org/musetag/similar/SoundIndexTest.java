package org.musetag.similar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.musetag.similar.SoundIndex.Hit;

class SoundIndexTest {
  @Test
  void vectorsAreUnitLengthAndTheDistanceOfATrackToItselfIsZero() {
    SoundIndex index = Analyses.index(50, 1);
    assertThat(index.dimensions()).isEqualTo(16 + 4 + 4 + 2);
    for (int r = 0; r < index.size(); r++) {
      float[] v = index.vector(r);
      double s = 0;
      for (float x : v) {
        s += x * x;
      }
      assertThat(Math.sqrt(s)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
      assertThat(index.distance(r, v)).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  @Test
  void nearestIsTheExactAnswerOfSortingEveryDistance() {
    SoundIndex index = Analyses.index(3000, 2);
    Random rnd = new Random(3);
    for (int t = 0; t < 20; t++) {
      float[] q = index.vector(rnd.nextInt(index.size()));
      List<Integer> expected =
          IntStream.range(0, index.size())
              .boxed()
              .sorted(
                  Comparator.<Integer>comparingDouble(r -> index.distance(r, q))
                      .thenComparingInt(r -> r))
              .limit(25)
              .toList();
      List<Hit> hits = index.nearest(q, 25, r -> true);
      assertThat(hits.stream().map(Hit::row).toList()).isEqualTo(expected);
      for (int i = 1; i < hits.size(); i++) {
        assertThat(hits.get(i).distance()).isGreaterThanOrEqualTo(hits.get(i - 1).distance());
      }
    }
  }

  @Test
  void onlyTheIndexModelsAnalysesAreAdmitted() {
    SoundIndex.Builder b = new SoundIndex.Builder(Analyses.MODEL);
    assertThat(b.add(Analyses.track(1, "x", "rock", "Q1", new float[] {1, 0}))).isTrue();
    assertThat(
            b.add(Analyses.track(2, "x", "rock", "Q1", new float[] {1, 0}, "musetag-base@1.1.0")))
        .as("another model's analysis is never compared")
        .isFalse();
    assertThat(b.add(Analyses.track(3, "x", "rock", "Q1", new float[0])))
        .as("no embedding: cannot be placed")
        .isFalse();
    SoundIndex index = b.build();
    assertThat(index.size()).isEqualTo(1);
    assertThat(index.rowOf(2)).isEmpty();
    assertThatThrownBy(() -> index.nearest(new float[3], 1, r -> true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyIndexHasNoNeighbours() {
    SoundIndex index = new SoundIndex.Builder(Analyses.MODEL).build();
    assertThat(index.size()).isZero();
    assertThat(index.nearest(new float[0], 5, r -> true)).isEmpty();
  }
}
