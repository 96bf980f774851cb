package org.musetag.ui.display;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressRateTest {
  private static final long S = 1_000_000_000L;

  @Test
  void saysRateAndTimeLeft() {
    ProgressRate r = new ProgressRate(10 * S, "tracks");
    assertThat(r.describe(0, 50, 10 * S)).isEqualTo("0 of 50");
    assertThat(r.describe(12, 50, 14 * S)).isEqualTo("12 of 50 · 3.0 tracks/s · about 13 s left");
    assertThat(r.describe(100, 10_000, 20 * S))
        .isEqualTo("100 of 10,000 · 10.0 tracks/s · about 16:30 left");
    assertThat(r.describe(50, 50, 30 * S)).isEqualTo("50 of 50 · 2.5 tracks/s");
  }
}
