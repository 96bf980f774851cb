package org.musetag.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MelFilterbankTest {

  private final MelFilterbank filterbank = new MelFilterbank(MelParameters.MODEL);

  @Test
  void edgesSpanFMinToFMaxAndIncrease() {
    assertThat(filterbank.bands()).isEqualTo(64);
    assertThat(filterbank.lowerEdgeHz(0)).isEqualTo(0.0);
    assertThat(filterbank.upperEdgeHz(63)).isCloseTo(8000.0, within(1e-9));
    for (int m = 0; m < 64; m++) {
      assertThat(filterbank.lowerEdgeHz(m)).isLessThan(filterbank.centreHz(m));
      assertThat(filterbank.centreHz(m)).isLessThan(filterbank.upperEdgeHz(m));
    }
  }

  @Test
  void centresAreEquallySpacedOnTheHtkMelScale() {
    double step = MelFilterbank.hzToMel(8000.0) / 65;
    for (int m = 0; m < 64; m++) {
      assertThat(MelFilterbank.hzToMel(filterbank.centreHz(m)))
          .isCloseTo((m + 1) * step, within(1e-9));
    }
    assertThat(MelFilterbank.hzToMel(700.0)).isCloseTo(2595.0 * Math.log10(2.0), within(1e-12));
    assertThat(MelFilterbank.melToHz(MelFilterbank.hzToMel(1234.5)))
        .isCloseTo(1234.5, within(1e-9));
  }

  @Test
  void weightsAreTrianglesWithPeakAtMostOneAndZeroOutsideTheEdges() {
    for (int m = 0; m < filterbank.bands(); m++) {
      double peak = 0;
      for (int k = 0; k < 257; k++) {
        double w = filterbank.weight(m, k);
        double hz = filterbank.binHz(k);
        assertThat(w).isBetween(0.0, 1.0);
        if (hz <= filterbank.lowerEdgeHz(m) || hz >= filterbank.upperEdgeHz(m)) {
          assertThat(w).as("band %d bin %d", m, k).isZero();
        }
        peak = Math.max(peak, w);
      }
      assertThat(peak).as("every model band sees at least one bin").isPositive();
    }
  }

  @Test
  void applyWeightsThePowerSpectrum() {
    double[] power = new double[257];
    power[40] = 2.0;
    double[] mel = new double[64];

    filterbank.apply(power, mel);

    for (int m = 0; m < 64; m++) {
      assertThat(mel[m]).isCloseTo(2.0 * filterbank.weight(m, 40), within(1e-15));
    }
  }
}
