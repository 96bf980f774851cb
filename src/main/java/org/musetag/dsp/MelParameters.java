package org.musetag.dsp;

/**
 * The parameters of a log-mel spectrogram front-end.
 *
 * <p>Why a record: the parameters <em>are</em> the front-end's identity. Two spectrograms are comparable (and a
 * model's input is valid) only when every value here is equal, so equality by value is exactly what callers need.
 * {@link #MODEL} is "MelSpec v1" (docs/decisions/0002-model-front-end-in-java.md), the front-end the bundled models
 * are trained on; changing it means new models.
 *
 * <p>Framing has no centring or padding: frame {@code i} covers samples {@code [hop*i, hop*i + fftSize)}.
 *
 * @param sampleRate PCM sample rate in Hz of the mono input the parameters apply to (MelSpec v1: 16 000).
 * @param fftSize    frame length in samples, also the FFT size; a power of two (MelSpec v1: 512 = 32 ms).
 * @param hop        distance in samples between successive frame starts (MelSpec v1: 256 = 16 ms).
 * @param melBands   number of triangular mel filters, i.e. the height of the spectrogram (MelSpec v1: 64).
 * @param fMin       lower edge in Hz of the lowest mel filter, {@code >= 0} (MelSpec v1: 0 Hz).
 * @param fMax       upper edge in Hz of the highest mel filter, at most the Nyquist frequency (MelSpec v1: 8000 Hz).
 * @param logFloor   power floor applied before the logarithm, so silence maps to {@code 10*log10(logFloor)} dB
 *                   rather than minus infinity (MelSpec v1: 1e-10, i.e. -100 dB).
 */
public record MelParameters(
    int sampleRate, int fftSize, int hop, int melBands, double fMin, double fMax, double logFloor) {

  /** Frames per model input patch in MelSpec v1: 188 frames = 48 384 samples, about 3.02 s at 16 kHz. */
  public static final int MODEL_PATCH_FRAMES = 188;

  /** "MelSpec v1": the model front-end, also the default of the spectrogram command and the live view. */
  public static final MelParameters MODEL =
      new MelParameters(16_000, 512, 256, 64, 0.0, 8000.0, 1e-10);

  /** Validates every value so that an invalid front-end fails where it is built, not deep inside an FFT. */
  public MelParameters {
    require(sampleRate > 0, "sampleRate must be > 0 Hz, was " + sampleRate);
    require(
        fftSize >= 4 && Integer.bitCount(fftSize) == 1,
        "fftSize must be a power of two >= 4, was " + fftSize);
    require(hop > 0, "hop must be > 0 samples, was " + hop);
    require(melBands > 0, "melBands must be > 0, was " + melBands);
    require(
        Double.isFinite(fMin) && fMin >= 0.0,
        "fMin must be a finite frequency >= 0 Hz, was " + fMin);
    require(
        Double.isFinite(fMax) && fMax > fMin,
        "fMax must be a finite frequency above fMin (" + fMin + " Hz), was " + fMax);
    require(
        fMax <= sampleRate / 2.0,
        "fMax must not exceed the Nyquist frequency " + sampleRate / 2.0 + " Hz, was " + fMax);
    require(
        Double.isFinite(logFloor) && logFloor > 0.0,
        "logFloor must be a finite power > 0, was " + logFloor);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Frames in one model input patch ({@value #MODEL_PATCH_FRAMES}); the patch length is defined in frames. */
  public int patchFrames() {
    return MODEL_PATCH_FRAMES;
  }

  /** Samples needed for one model input patch: {@code samplesForFrames(patchFrames())}. */
  public int patchSamples() {
    return Math.toIntExact(samplesForFrames(patchFrames()));
  }

  /**
   * Samples needed to produce exactly {@code frames} frames without centring: {@code fftSize + hop*(frames-1)},
   * or 0 for 0 frames.
   */
  public long samplesForFrames(int frames) {
    require(frames >= 0, "frames must be >= 0, was " + frames);
    return frames == 0 ? 0L : fftSize + (long) hop * (frames - 1);
  }

  /** Frames produced from {@code samples} samples: {@code 1 + (samples - fftSize) / hop}, or 0 if too short. */
  public int framesForSamples(long samples) {
    require(samples >= 0, "samples must be >= 0, was " + samples);
    return samples < fftSize ? 0 : Math.toIntExact(1 + (samples - fftSize) / hop);
  }

  /** Number of FFT bins of the one-sided power spectrum, {@code fftSize/2 + 1}. */
  public int fftBins() {
    return fftSize / 2 + 1;
  }

  /** Start time in seconds of frame {@code frame} (frame {@code i} starts at sample {@code hop*i}). */
  public double frameStartSeconds(double frame) {
    return frame * hop / sampleRate;
  }
}
