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
  void aLargeIndexScannedInSlicesGivesTheSameAnswerAsSortingEveryDistance() {
    Random rnd = new Random(5);
    SoundIndex.Builder b = new SoundIndex.Builder(Analyses.MODEL);
    for (int i = 0; i < 210_000; i++) {
      b.add(Analyses.track(i, "a" + (i % 100), "rock", "Q" + (1 + i % 4), Analyses.random(rnd, 2)));
    }
    SoundIndex index = b.build();
    for (int t = 0; t < 3; t++) {
      float[] q = index.vector(rnd.nextInt(index.size()));
      List<Integer> expected =
          IntStream.range(0, index.size())
              .boxed()
              .filter(r -> r % 3 != 0)
              .sorted(
                  Comparator.<Integer>comparingDouble(r -> index.distance(r, q))
                      .thenComparingInt(r -> r))
              .limit(10)
              .toList();
      assertThat(index.nearest(q, 10, r -> r % 3 != 0).stream().map(Hit::row).toList())
          .isEqualTo(expected);
    }
  }

  @Test
  void theVectorIsTheFirst64EmbeddingNumbersGenresQuadrantsAndThePointWeighted() {
    float[] e = new float[128];
    java.util.Arrays.fill(e, 1f);
    java.util.Arrays.fill(e, 64, 128, 100f); // numbers after the 64th are not used
    float[] v = SoundVector.of(Analyses.track(1, "x", "rock", "Q2", e).analysis());
    assertThat(v).hasSize(64 + Analyses.GENRES.size() + 4 + 2);
    double w = Math.sqrt(1 + 3 * 0.25);
    assertThat(norm(v, 0, 64)).isCloseTo(1 / w, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(norm(v, 64, 64 + Analyses.GENRES.size()))
        .isCloseTo(0.5 / w, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(norm(v, v.length - 6, v.length - 2))
        .isCloseTo(0.5 / w, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(norm(v, v.length - 2, v.length))
        .isCloseTo(0.5 / w, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(v[v.length - 2]).as("valence of a Q2 track is negative").isNegative();
  }

  private static double norm(float[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += v[i] * v[i];
    }
    return Math.sqrt(s);
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
