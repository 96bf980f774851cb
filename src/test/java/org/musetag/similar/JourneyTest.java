package org.musetag.similar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyTest {
  private final SoundIndex index = Analyses.structured(2000, 11);

  @Test
  void everyStepIsCloserToTheEndNoSongComesTwiceAndStepsAreSmallerThanTheLeap() {
    for (int[] ends : new int[][] {{0, 1}, {10, 999}, {123, 1777}, {5, 6}}) {
      float[] b = index.vector(ends[1]);
      List<Integer> path = Journey.plan(index, ends[0], ends[1], 12);
      assertThat(path.get(0)).isEqualTo(ends[0]);
      assertThat(path.get(path.size() - 1)).isEqualTo(ends[1]);
      assertThat(new HashSet<>(path)).hasSameSizeAs(path);
      assertThat(path).hasSize(12);
      double leap = index.distance(ends[0], b);
      double worstStep = 0;
      for (int i = 1; i < path.size(); i++) {
        assertThat(index.distance(path.get(i), b)).isLessThan(index.distance(path.get(i - 1), b));
        worstStep = Math.max(worstStep, index.distance(path.get(i), index.vector(path.get(i - 1))));
      }
      assertThat(worstStep).as("no step is as big as going straight there").isLessThan(leap);
    }
  }

  @Test
  void aJourneyOfTwoIsItsEndsAndOneToItselfIsRefused() {
    assertThat(Journey.plan(index, 3, 4, 2)).containsExactly(3, 4);
    assertThatThrownBy(() -> Journey.plan(index, 3, 3, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void whenNothingLeftGetsCloserTheJourneyGoesStraightToTheEnd() {
    SoundIndex small = Analyses.index(3, 1);
    List<Integer> path = Journey.plan(small, 0, 1, 10);
    assertThat(path.size()).isBetween(2, 3);
    assertThat(path.get(path.size() - 1)).isEqualTo(1);
  }
}
