package org.musetag.dsp;

/**
 * The log-mel spectrogram "MelSpec" (see {@link MelParameters#MODEL}), the model front-end and the picture behind
 * the spectrogram views.
 *
 * <p>Why it is specified so narrowly: it must equal {@code models/training/melspec.py}, the numpy definition the
 * models were trained on. Hence: no centring or padding (frame {@code i} covers samples
 * {@code [hop*i, hop*i + fftSize)}, trailing samples that do not fill a frame are dropped), periodic Hann window,
 * power spectrum, HTK mel filters ({@link MelFilterbank}) and {@code 10*log10(max(power, logFloor))}. Everything is
 * computed in double and rounded to float only at the end, like numpy's {@code astype(float32)}.
 *
 * <p>Instances are immutable and thread-safe (window, FFT tables and filterbank only); {@link #compute(float[],
 * MelParameters)} is the pure entry point. Per-call scratch lives in a {@link Workspace} owned by the caller.
 */
public final class MelSpectrogram {

  private static final MelSpectrogram MODEL = new MelSpectrogram(MelParameters.MODEL);

  private final MelParameters params;
  private final double[] window;
  private final RealFft fft;
  private final MelFilterbank filterbank;

  private MelSpectrogram(MelParameters params) {
    this.params = params;
    this.window = periodicHann(params.fftSize());
    this.fft = new RealFft(params.fftSize());
    this.filterbank = new MelFilterbank(params);
  }

  /** The front-end for {@code params}; the MelSpec v1 instance is built once and shared (it is immutable). */
  public static MelSpectrogram of(MelParameters params) {
    return params.equals(MelParameters.MODEL) ? MODEL : new MelSpectrogram(params);
  }

  /**
   * Log-mel spectrogram of mono PCM.
   *
   * @param pcm    mono samples at {@code params.sampleRate()}, nominally in [-1, 1]; not modified
   * @param params front-end parameters
   * @return {@code [frames][melBands]} in dB, {@code frames = params.framesForSamples(pcm.length)} (may be 0)
   */
  public static float[][] compute(float[] pcm, MelParameters params) {
    return of(params).compute(pcm);
  }

  /** Log-mel spectrogram of {@code pcm}, see {@link #compute(float[], MelParameters)}. */
  public float[][] compute(float[] pcm) {
    int frames = params.framesForSamples(pcm.length);
    float[][] out = new float[frames][];
    Workspace workspace = new Workspace();
    for (int i = 0; i < frames; i++) {
      out[i] = frame(pcm, i * params.hop(), workspace);
    }
    return out;
  }

  /**
   * One frame: log-mel of {@code pcm[offset .. offset + fftSize)}.
   *
   * @return a new array of {@code melBands} dB values
   */
  float[] frame(float[] pcm, int offset, Workspace workspace) {
    int n = params.fftSize();
    double[] windowed = workspace.windowed;
    for (int j = 0; j < n; j++) {
      windowed[j] = (double) pcm[offset + j] * window[j];
    }
    fft.power(windowed, workspace.re, workspace.im, workspace.power);
    filterbank.apply(workspace.power, workspace.mel);
    float[] row = new float[params.melBands()];
    double floor = params.logFloor();
    for (int m = 0; m < row.length; m++) {
      row[m] = (float) (10.0 * Math.log10(Math.max(workspace.mel[m], floor)));
    }
    return row;
  }

  /** Periodic Hann window {@code w[j] = 0.5 - 0.5 cos(2 pi j / n)} (numpy reference formula and order). */
  static double[] periodicHann(int n) {
    double[] w = new double[n];
    for (int j = 0; j < n; j++) {
      w[j] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * j / n);
    }
    return w;
  }

  /** The parameters of this front-end. */
  public MelParameters parameters() {
    return params;
  }

  /** The mel filterbank of this front-end, e.g. for band centre frequencies on an axis. */
  public MelFilterbank filterbank() {
    return filterbank;
  }

  /** Scratch arrays for one thread's frames; created per batch call or per stream, never shared. */
  final class Workspace {
    final double[] windowed = new double[params.fftSize()];
    final double[] re = new double[params.fftBins()];
    final double[] im = new double[params.fftBins()];
    final double[] power = new double[params.fftBins()];
    final double[] mel = new double[params.melBands()];
  }
}
