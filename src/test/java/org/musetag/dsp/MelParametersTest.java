package org.musetag.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MelParametersTest {

  private static MelParameters with(
      int sampleRate, int fftSize, int hop, int bands, double fMin, double fMax, double floor) {
    return new MelParameters(sampleRate, fftSize, hop, bands, fMin, fMax, floor);
  }

  @Test
  void modelIsMelSpecV1() {
    assertThat(MelParameters.MODEL).isEqualTo(with(16_000, 512, 256, 64, 0.0, 8000.0, 1e-10));
    assertThat(MelParameters.MODEL.fftBins()).isEqualTo(257);
  }

  @Test
  void modelPatchIs188FramesOf48384Samples() {
    assertThat(MelParameters.MODEL.patchFrames()).isEqualTo(188);
    assertThat(MelParameters.MODEL.patchSamples()).isEqualTo(48_384);
    assertThat(MelParameters.MODEL.framesForSamples(48_384)).isEqualTo(188);
  }

  @Test
  void samplesForFramesAndFramesForSamplesAreInverseWithoutCentring() {
    MelParameters p = MelParameters.MODEL;
    assertThat(p.samplesForFrames(0)).isZero();
    assertThat(p.samplesForFrames(1)).isEqualTo(512);
    assertThat(p.samplesForFrames(3)).isEqualTo(1024);
    assertThat(p.framesForSamples(511)).isZero();
    assertThat(p.framesForSamples(512)).isEqualTo(1);
    assertThat(p.framesForSamples(767)).isEqualTo(1);
    assertThat(p.framesForSamples(768)).isEqualTo(2);
    assertThat(p.frameStartSeconds(125)).isEqualTo(2.0);
    assertThatThrownBy(() -> p.samplesForFrames(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNonPositiveSampleRate() {
    assertThatThrownBy(() -> with(0, 512, 256, 64, 0, 8000, 1e-10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sampleRate");
  }

  @Test
  void rejectsFftSizeThatIsNotAPowerOfTwo() {
    assertThatThrownBy(() -> with(16_000, 500, 256, 64, 0, 8000, 1e-10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fftSize")
        .hasMessageContaining("500");
    assertThatThrownBy(() -> with(16_000, 2, 1, 64, 0, 8000, 1e-10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fftSize");
  }

  @Test
  void rejectsNonPositiveHopAndBandCount() {
    assertThatThrownBy(() -> with(16_000, 512, 0, 64, 0, 8000, 1e-10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hop");
    assertThatThrownBy(() -> with(16_000, 512, 256, 0, 0, 8000, 1e-10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("melBands");
  }

  @Test
  void rejectsFrequencyRangeOutsideZeroToNyquist() {
    assertThatThrownBy(() -> with(16_000, 512, 256, 64, -1, 8000, 1e-10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fMin");
    assertThatThrownBy(() -> with(16_000, 512, 256, 64, Double.NaN, 8000, 1e-10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fMin");
    assertThatThrownBy(() -> with(16_000, 512, 256, 64, 4000, 4000, 1e-10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fMax");
    assertThatThrownBy(() -> with(16_000, 512, 256, 64, 0, 8001, 1e-10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Nyquist");
  }

  @Test
  void rejectsNonPositiveOrNonFiniteLogFloor() {
    assertThatThrownBy(() -> with(16_000, 512, 256, 64, 0, 8000, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("logFloor");
    assertThatThrownBy(() -> with(16_000, 512, 256, 64, 0, 8000, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("logFloor");
  }
}
