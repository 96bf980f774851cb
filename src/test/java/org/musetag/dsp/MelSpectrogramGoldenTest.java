package org.musetag.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java front-end against the numpy reference {@code models/training/melspec.py}; the golden files and how they
 * were made are described in {@code src/test/resources/golden/README.md}.
 */
class MelSpectrogramGoldenTest {

  private static final Logger LOG = LoggerFactory.getLogger(MelSpectrogramGoldenTest.class);
  private static final double TOLERANCE_DB = 0.01;
  private static final float THRESHOLD_DB = -80f;

  @Test
  void logMelMatchesNumpyReferenceWithinHundredthOfADecibel() {
    float[] pcm = NpyTestReader.readResource("/golden/input_pcm.npy").data();
    NpyTestReader.NpyArray expectedArray =
        NpyTestReader.readResource("/golden/expected_logmel.npy");
    float[][] expected = expectedArray.rows();

    float[][] actual = MelSpectrogram.compute(pcm, MelParameters.MODEL);

    assertThat(actual.length).isEqualTo(expected.length);
    double maxAboveThreshold = 0;
    double maxOverall = 0;
    int compared = 0;
    for (int f = 0; f < expected.length; f++) {
      assertThat(actual[f]).hasSize(expected[f].length);
      for (int m = 0; m < expected[f].length; m++) {
        double diff = Math.abs(actual[f][m] - expected[f][m]);
        maxOverall = Math.max(maxOverall, diff);
        if (expected[f][m] > THRESHOLD_DB) {
          maxAboveThreshold = Math.max(maxAboveThreshold, diff);
          compared++;
        }
      }
    }
    LOG.info(
        "Golden log-mel: {} bins above {} dB, max |diff| {} dB (all bins: {} dB)",
        compared,
        THRESHOLD_DB,
        maxAboveThreshold,
        maxOverall);
    assertThat(compared).isGreaterThan(expected.length * expected[0].length / 2);
    assertThat(maxAboveThreshold).isLessThanOrEqualTo(TOLERANCE_DB);
  }

  @Test
  void silentFramesSitExactlyOnTheLogFloorLikeTheReference() {
    float[] pcm = NpyTestReader.readResource("/golden/input_pcm.npy").data();
    float[][] expected = NpyTestReader.readResource("/golden/expected_logmel.npy").rows();
    float[][] actual = MelSpectrogram.compute(pcm, MelParameters.MODEL);

    int floorBins = 0;
    for (int f = 0; f < expected.length; f++) {
      for (int m = 0; m < expected[f].length; m++) {
        if (expected[f][m] == -100f) {
          assertThat(actual[f][m]).as("frame %d band %d", f, m).isEqualTo(-100f);
          floorBins++;
        }
      }
    }
    assertThat(floorBins).as("the golden signal contains digital silence").isPositive();
  }
}
