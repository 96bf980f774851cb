package org.musetag.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MelSpectrogramTest {

  private static final MelParameters P = MelParameters.MODEL;

  static float[] tone(double hz, double amplitude, int samples) {
    float[] pcm = new float[samples];
    for (int i = 0; i < samples; i++) {
      pcm[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / P.sampleRate()));
    }
    return pcm;
  }

  /** The band whose centre (computed from the filterbank edges) is nearest {@code hz}. */
  private static int bandWithNearestCentre(double hz) {
    MelFilterbank filterbank = MelSpectrogram.of(P).filterbank();
    int best = 0;
    for (int m = 1; m < filterbank.bands(); m++) {
      if (Math.abs(filterbank.centreHz(m) - hz) < Math.abs(filterbank.centreHz(best) - hz)) {
        best = m;
      }
    }
    return best;
  }

  @ParameterizedTest
  @ValueSource(doubles = {440.0, 1000.0, 3000.0})
  void pureTonePeaksInTheBandWhoseCentreIsNearestTheToneFrequency(double hz) {
    int expectedBand = bandWithNearestCentre(hz);

    float[][] mel = MelSpectrogram.compute(tone(hz, 0.5, P.sampleRate()), P);

    assertThat(mel).hasNumberOfRows(P.framesForSamples(P.sampleRate()));
    for (float[] frame : mel) {
      int peak = 0;
      for (int m = 1; m < frame.length; m++) {
        peak = frame[m] > frame[peak] ? m : peak;
      }
      assertThat(peak).as("%s Hz", hz).isEqualTo(expectedBand);
    }
  }

  @Test
  void emitsOneFramePerHopWithoutCentringAndDropsTheIncompleteTail() {
    assertThat(MelSpectrogram.compute(new float[511], P)).isEmpty();
    assertThat(MelSpectrogram.compute(new float[512], P)).hasNumberOfRows(1);
    assertThat(MelSpectrogram.compute(new float[512 + 255], P)).hasNumberOfRows(1);
    float[][] mel = MelSpectrogram.compute(new float[512 + 256 * 9], P);
    assertThat(mel).hasNumberOfRows(10);
    assertThat(mel[0]).hasSize(64);
  }

  @Test
  void silenceSitsOnTheLogFloor() {
    float[][] mel = MelSpectrogram.compute(new float[2048], P);

    for (float[] frame : mel) {
      for (float db : frame) {
        assertThat(db).isEqualTo(-100f);
      }
    }
  }

  @Test
  void doublingTheAmplitudeAddsSixDecibels() {
    float[][] quiet = MelSpectrogram.compute(tone(1000, 0.25, 4096), P);
    float[][] loud = MelSpectrogram.compute(tone(1000, 0.5, 4096), P);

    int band = bandWithNearestCentre(1000);
    assertThat(loud[3][band] - quiet[3][band])
        .isCloseTo((float) (20 * Math.log10(2)), within(1e-4f));
  }

  @Test
  void frameDependsOnlyOnItsOwnSamples() {
    float[] pcm = tone(700, 0.3, 4096);
    float[][] whole = MelSpectrogram.compute(pcm, P);
    float[] shifted = java.util.Arrays.copyOfRange(pcm, 256 * 4, 256 * 4 + 1024);

    float[][] part = MelSpectrogram.compute(shifted, P);

    assertThat(part[0]).containsExactly(whole[4]);
    assertThat(pcm).as("input untouched").containsExactly(tone(700, 0.3, 4096));
  }

  @Test
  void periodicHannWindowStartsAtZeroAndPeaksAtTheMiddle() {
    double[] w = MelSpectrogram.periodicHann(512);

    assertThat(w[0]).isZero();
    assertThat(w[256]).isEqualTo(1.0);
    assertThat(w[1]).isCloseTo(w[511], within(1e-15));
  }

  @Test
  void otherParametersUseTheirOwnFilterbank() {
    MelParameters small = new MelParameters(8000, 256, 128, 20, 50, 4000, 1e-10);

    float[][] mel = MelSpectrogram.compute(tone(440, 0.5, 8000), small);

    assertThat(mel[0]).hasSize(20);
    assertThat(MelSpectrogram.of(small).parameters()).isEqualTo(small);
    assertThat(MelSpectrogram.of(P)).isSameAs(MelSpectrogram.of(MelParameters.MODEL));
  }
}
