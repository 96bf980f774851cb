package org.musetag.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.musetag.dsp.KeyEstimator.Key;

/**
 * Tempo and key on signals whose answer is known: drum-like clicks at a tempo, chords of a key. (Their accuracy on
 * real music, against human annotations and beside aubio and bpm-tools, is bench/rhythm-key.sh's.)
 */
class TempoKeyTest {
  private static final int RATE = 16_000;

  /** Three 10-s windows of noise bursts every beat, louder on the first of four, over a little noise. */
  static float[][] clicks(double bpm, long seed) {
    Random rnd = new Random(seed);
    float[][] w = new float[3][10 * RATE];
    double period = 60.0 / bpm * RATE;
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i < w[k].length; i++) {
        w[k][i] = (float) (0.01 * rnd.nextGaussian());
      }
      for (int beat = 0; beat * period < w[k].length; beat++) {
        int at = (int) Math.round(beat * period);
        double gain = beat % 4 == 0 ? 0.9 : 0.5;
        for (int i = 0; i < 400 && at + i < w[k].length; i++) {
          w[k][at + i] += (float) (gain * rnd.nextGaussian() * Math.exp(-i / 80.0));
        }
      }
    }
    return w;
  }

  @ParameterizedTest
  @CsvSource({"72", "100", "128", "150"})
  void clicksAtATempoAreHeardAtItWithinOnePercent(double bpm) {
    TempoEstimator.Tempo t = new TempoEstimator(RATE).estimate(clicks(bpm, 3));
    assertThat(t).isNotNull();
    assertThat(t.bpm()).isCloseTo(bpm, org.assertj.core.data.Percentage.withPercentage(1));
    assertThat(t.confidence()).isBetween(0.5, 1.0);
  }

  /** Three 10-s windows of a steady sine with a hiss 70 dB under it, as a quiet recording has. */
  private static float[][] steadyTone(double hz, double amplitude) {
    java.util.Random rnd = new java.util.Random(9);
    float[][] w = new float[3][10 * RATE];
    for (float[] x : w) {
      for (int i = 0; i < x.length; i++) {
        double hiss = 3e-4 * rnd.nextGaussian();
        x[i] = (float) (amplitude * (Math.sin(2 * Math.PI * hz * i / RATE) + hiss));
      }
    }
    return w;
  }

  @ParameterizedTest
  @CsvSource({"330, 0.5", "220, 0.01", "55, 0.3"})
  void aSteadyToneHasNoTempo(double hz, double amplitude) {
    assertThat(new TempoEstimator(RATE).estimate(steadyTone(hz, amplitude))).isNull();
  }

  @Test
  void clicksOverASteadyToneStillHaveTheirTempo() {
    float[][] w = clicks(100, 7);
    float[][] tone = steadyTone(330, 0.5);
    for (int k = 0; k < w.length; k++) {
      for (int i = 0; i < w[k].length && i < tone[0].length; i++) {
        w[k][i] += tone[0][i];
      }
    }
    TempoEstimator.Tempo t = new TempoEstimator(RATE).estimate(w);
    assertThat(t).isNotNull();
    assertThat(t.bpm()).isCloseTo(100, org.assertj.core.data.Percentage.withPercentage(1));
  }

  @Test
  void aFastTempoFarFromModerateMayBeHeardAtHalfItsSpeedButNeverElsewhere() {
    // clicks alone cannot tell 174 from 87 (every beat of 87 is a beat of 174): the preference for
    // moderate tempi
    // decides, which is the deliberate rule for the classic octave ambiguity (bench: octave errors
    // counted)
    double bpm = new TempoEstimator(RATE).estimate(clicks(174, 5)).bpm();
    assertThat(bpm)
        .satisfiesAnyOf(
            b -> assertThat(b).isCloseTo(174, org.assertj.core.data.Percentage.withPercentage(1)),
            b -> assertThat(b).isCloseTo(87, org.assertj.core.data.Percentage.withPercentage(1)));
  }

  @Test
  void silenceAndShortWindowsHaveNoTempoOrKey() {
    float[][] silent = new float[2][10 * RATE];
    assertThat(new TempoEstimator(RATE).estimate(silent)).isNull();
    assertThat(new KeyEstimator(RATE).estimate(silent)).isNull();
    assertThat(new TempoEstimator(RATE).estimate(new float[][] {new float[RATE]})).isNull();
  }

  /** Chords of a key, each a second: i, iv, V, i in a minor key, I, IV, V, I in a major one, with harmonics. */
  static float[][] cadence(int tonic, boolean minor) {
    return cadence(tonic, minor, 0);
  }

  /** The cadence played {@code cents} away from A = 440 Hz. */
  static float[][] cadence(int tonic, boolean minor, double cents) {
    int third = minor ? 3 : 4;
    int[][] chords = {{0, third, 7}, {5, 5 + (minor ? 3 : 4), 12}, {7, 11, 14}, {0, third, 7}};
    float[][] w = new float[1][8 * RATE];
    for (int c = 0; c < 8; c++) {
      int[] chord = chords[c % 4];
      for (int note : chord) {
        double f = 220 * Math.pow(2, (tonic - 9 + note + cents / 100) / 12.0); // around A3
        for (int i = 0; i < RATE; i++) {
          double t = i / (double) RATE;
          double env = Math.exp(-t * 1.5);
          double v = 0;
          for (int h = 1; h <= 4; h++) {
            v += Math.sin(2 * Math.PI * f * h * t) / h;
          }
          w[0][c * RATE + i] += (float) (0.1 * env * v);
        }
      }
    }
    return w;
  }

  @ParameterizedTest
  @CsvSource({"9, true", "0, false", "7, false", "4, true", "1, false", "6, true"})
  void aCadenceIsHeardInItsKey(int tonic, boolean minor) {
    Key k = new KeyEstimator(RATE).estimate(cadence(tonic, minor));
    assertThat(k).isNotNull();
    assertThat(k.name()).isEqualTo(new Key(tonic, minor, 1).name());
  }

  @ParameterizedTest
  @CsvSource({"9, true, 45", "0, false, -45", "7, false, 30", "4, true, -30"})
  void aDetunedCadenceIsHeardInItsKeyAndItsTuningIsFound(int tonic, boolean minor, double cents) {
    float[][] w = cadence(tonic, minor, cents);
    assertThat(new KeyEstimator(RATE).estimate(w).name())
        .isEqualTo(new Key(tonic, minor, 1).name());
    // without the tuning, a 45-cent detuned spectrum falls half on the wrong pitch classes
    TunedChroma chroma = new TunedChroma(RATE);
    assertThat(chroma.tuning(w) * 100).isCloseTo(cents, org.assertj.core.data.Offset.offset(5.0));
  }

  /** The cadence with drum-like noise bursts on every beat at 120 BPM, as loud as the chords. */
  static float[][] cadenceUnderDrums(int tonic, boolean minor) {
    float[][] w = cadence(tonic, minor);
    float[] drums = clicks(120, tonic)[0];
    for (int i = 0; i < w[0].length; i++) {
      w[0][i] += 0.3f * drums[i];
    }
    return w;
  }

  @ParameterizedTest
  @CsvSource({"9, true", "0, false", "2, true", "10, false"})
  void aCadenceUnderDrumsIsHeardInItsKey(int tonic, boolean minor) {
    assertThat(new KeyEstimator(RATE).estimate(cadenceUnderDrums(tonic, minor)).name())
        .isEqualTo(new Key(tonic, minor, 1).name());
  }

  @Test
  void whiteningKeepsTheChordsNotesAboveTheDrumsBroadNoise() {
    float[][] w = cadenceUnderDrums(9, true); // A minor: A C E, D F A, E G# B
    double[] plain = new TunedChroma(RATE, 0, 0).of(w);
    double[] whitened = new TunedChroma(RATE, 4, 0).of(w);
    int[] notes = {9, 0, 4, 2, 5, 8, 11};
    assertThat(share(whitened, notes)).isGreaterThan(share(plain, notes) + 0.05);
  }

  /** The part of a chroma's total in the pitch classes given. */
  private static double share(double[] chroma, int[] classes) {
    double in = 0;
    double all = 0;
    for (int pc = 0; pc < 12; pc++) {
      all += chroma[pc];
    }
    for (int pc : classes) {
      in += chroma[pc];
    }
    return in / all;
  }

  @Test
  void twoKeysAtOnceAreHeardLessSurelyThanOne() {
    float[][] one = cadence(0, false);
    float[][] two = cadence(6, false);
    for (int i = 0; i < one[0].length; i++) {
      two[0][i] += one[0][i];
    }
    KeyEstimator key = new KeyEstimator(RATE);
    assertThat(key.estimate(one).confidence()).isGreaterThan(key.estimate(two).confidence() + 0.1);
  }

  @ParameterizedTest
  @CsvSource({
    "A minor, 8A, 1m, Am",
    "C major, 8B, 1d, C",
    "E minor, 9A, 2m, Em",
    "G major, 9B, 2d, G",
    "G# minor, 1A, 6m, G#m",
    "B major, 1B, 6d, B",
    "F major, 7B, 12d, F",
    "D minor, 7A, 12m, Dm",
    "F# major, 2B, 7d, F#",
    "A# minor, 3A, 8m, A#m"
  })
  void keysAreWrittenInEachNotationDjSoftwareReads(
      String name, String camelot, String openKey, String id3) {
    Key k = Key.parse(name);
    assertThat(k.name()).isEqualTo(name);
    assertThat(k.camelot()).isEqualTo(camelot);
    assertThat(k.openKey()).isEqualTo(openKey);
    assertThat(k.id3()).isEqualTo(id3);
  }

  @Test
  void flatsParseAndTheRelativeKeyIsThreeSemitonesAway() {
    assertThat(Key.parse("Bb minor").name()).isEqualTo("A# minor");
    assertThat(Key.parse("Eb major").name()).isEqualTo("D# major");
    assertThat(Key.parse("A minor").relative().name()).isEqualTo("C major");
    assertThat(Key.parse("C major").relative().name()).isEqualTo("A minor");
    assertThatThrownBy(() -> Key.parse("H dorian")).isInstanceOf(IllegalArgumentException.class);
  }
}
