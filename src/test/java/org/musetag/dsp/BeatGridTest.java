package org.musetag.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The beat grid the player draws, on drum-like clicks whose beats are known, seen as the player sees them. */
class BeatGridTest {
  private static final double FPS =
      16_000 / 256.0; // MelSpec v1 frames, as the player's feed holds them

  /** The onset strength the player computes: the dB flux between consecutive mel frames of the PCM. */
  private static double[] onsets(float[] pcm) {
    float[][] mel = MelSpectrogram.compute(pcm, MelParameters.MODEL);
    double[] o = new double[mel.length];
    for (int t = 1; t < mel.length; t++) {
      o[t] = BeatGrid.flux(mel[t - 1], mel[t]);
    }
    return o;
  }

  /** 16 s: 10 s of clicks at {@code bpm}, the first {@code offset} seconds in, then silence. */
  private static float[] clicksFrom(double bpm, double offset) {
    float[] clicks = TempoKeyTest.clicks(bpm, 9)[0];
    float[] all = new float[16 * 16_000];
    System.arraycopy(clicks, 0, all, (int) Math.round(offset * 16_000), clicks.length);
    return all;
  }

  @ParameterizedTest
  @CsvSource({"120, 0.13", "90, 0.41", "140, 0.05"})
  void beatsFallOnTheClicksWithinAFrame(double bpm, double offset) {
    float[] pcm = clicksFrom(bpm, offset);
    double[] beats = BeatGrid.beats(onsets(pcm), FPS, bpm);
    double period = 60 / bpm;
    int clicks = (int) Math.floor((10 - 1e-9) / period) + 1; // the clicks of the first 10 s
    assertThat(beats.length).isGreaterThanOrEqualTo(clicks);
    for (int k = 0; k < clicks; k++) {
      double click = offset + k * period; // seconds
      double nearest = Double.MAX_VALUE;
      for (double b : beats) {
        nearest = Math.min(nearest, Math.abs(b / FPS - click));
      }
      assertThat(nearest).as("click %d at %.3f s", k, click).isLessThanOrEqualTo(1.5 / FPS);
    }
  }

  @Test
  void noTempoSilenceOrTooShortAStretchGivesNoBeats() {
    double[] onsets = onsets(clicksFrom(120, 0));
    assertThat(BeatGrid.beats(onsets, FPS, Double.NaN)).isEmpty();
    assertThat(BeatGrid.beats(new double[onsets.length], FPS, 120)).isEmpty();
    assertThat(BeatGrid.beats(java.util.Arrays.copyOf(onsets, 40), FPS, 120)).isEmpty();
  }
}
