package org.musetag.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RealFftTest {

  @ParameterizedTest
  @ValueSource(ints = {4, 8, 16, 64, 512, 2048})
  void matchesDirectDftOfRandomSignal(int n) {
    Random random = new Random(n);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextGaussian();
    }
    double[] copy = x.clone();
    RealFft fft = new RealFft(n);
    double[] re = new double[fft.bins()];
    double[] im = new double[fft.bins()];

    fft.forward(x, re, im);

    for (int k = 0; k <= n / 2; k++) {
      double sr = 0;
      double si = 0;
      for (int t = 0; t < n; t++) {
        double angle = -2 * Math.PI * ((long) k * t % n) / n;
        sr += x[t] * Math.cos(angle);
        si += x[t] * Math.sin(angle);
      }
      assertThat(re[k]).as("re[%d]", k).isCloseTo(sr, within(1e-9 * Math.sqrt(n)));
      assertThat(im[k]).as("im[%d]", k).isCloseTo(si, within(1e-9 * Math.sqrt(n)));
    }
    assertThat(x).as("input untouched").containsExactly(copy);
  }

  @Test
  void powerOfACosineOnABinIsConcentratedInThatBin() {
    int n = 64;
    double[] x = new double[n];
    for (int t = 0; t < n; t++) {
      x[t] = Math.cos(2 * Math.PI * 5 * t / n);
    }
    RealFft fft = new RealFft(n);
    double[] power = new double[fft.bins()];

    fft.power(x, new double[fft.bins()], new double[fft.bins()], power);

    assertThat(power[5]).isCloseTo((n / 2.0) * (n / 2.0), within(1e-9));
    for (int k = 0; k < power.length; k++) {
      if (k != 5) {
        assertThat(power[k]).as("bin %d", k).isLessThan(1e-20);
      }
    }
  }

  @Test
  void rejectsSizesThatAreNotPowersOfTwo() {
    assertThatThrownBy(() -> new RealFft(12))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("power of two");
    assertThatThrownBy(() -> new RealFft(2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsInputOfTheWrongLength() {
    RealFft fft = new RealFft(8);
    assertThatThrownBy(() -> fft.forward(new double[7], new double[5], new double[5]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
