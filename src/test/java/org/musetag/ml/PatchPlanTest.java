package org.musetag.ml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatchPlanTest {
  private static final int P = 48384;

  @Test
  void aShortTrackGetsOnePatchFromTheStart() {
    assertThat(PatchPlan.starts(P, P)).containsExactly(0L);
    assertThat(PatchPlan.starts(1000, P)).containsExactly(0L);
  }

  @Test
  void aLongTrackGetsFivePatchesCentredInFiveEqualSlices() {
    long d = P + 1_000_000;
    assertThat(PatchPlan.starts(d, P))
        .containsExactly(100_000L, 300_000L, 500_000L, 700_000L, 900_000L);
  }

  @Test
  void halvesRoundUpLikeTheTrainingPipeline() {
    // free = 5: positions 0.5, 1.5, 2.5, 3.5, 4.5 round half up (integer arithmetic in features.py)
    assertThat(PatchPlan.starts(P + 5, P)).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void aWaveformModelNamesItsOwnNumberOfWindowsSpreadTheSameWay() {
    int s = 160_000;
    assertThat(PatchPlan.starts(s + 600_000, s, 3)).containsExactly(100_000L, 300_000L, 500_000L);
    assertThat(PatchPlan.starts(s, s, 3)).containsExactly(0L);
    assertThat(PatchPlan.starts(s + 1_000_000, s, 5)).isEqualTo(PatchPlan.starts(s + 1_000_000, s));
  }
}
