package org.musetag.dsp;

/**
 * The 12-bin chroma a key is heard from: a short-time Fourier transform (512-ms Hann frames, half overlapping),
 * the track's tuning found from its spectral peaks, the spectrum folded onto the equal-tempered semitones C2..B6 of
 * that tuning (each bin split between its two nearest semitones), each semitone log-compressed, each frame's chroma
 * to unit length, summed over the frames. Before the fold each frame's spectrum is whitened (what stands above the
 * mean of its 9 neighbouring bins, 17.6 Hz at 16 kHz, is kept: partials stand out, drums' and noise's broad floor
 * goes); after it each semitone gains 0.3, 0.09 and 0.027 of the semitones an octave, a twelfth and two octaves
 * above, where its second, third and fourth harmonics lie, so a note's pitch class counts more than its overtones'.
 *
 * <p>Why the tuning: recordings are often a few cents, some nearly half a semitone, away from A = 440 Hz; folding a
 * detuned spectrum onto 440-Hz semitones smears each note over two pitch classes. The tuning is the magnitude-weighted
 * circular mean of the peaks' distance from the nearest semitone (peaks between 100 and 2,000 Hz, each placed between
 * bins by a parabola through its log magnitudes). Decision 0015 gives the measurement that chose this chroma over
 * TarsosDSP's constant-Q one.
 *
 * <p>Thread-safe: immutable; each call allocates its own buffers.
 */
public final class TunedChroma {
  private static final int LOWEST_MIDI = 36; // C2
  private static final int SEMITONES = 60; // C2 .. B6
  private static final double COMPRESSION = 10;
  private static final int[] HARMONIC_OFFSETS = {12, 19, 24}; // semitones to harmonics 2, 3, 4

  private final int sampleRate;
  private final int whitening;
  private final double harmonicWeight;
  private final int frame;
  private final int hop;
  private final RealFft fft;
  private final double[] window;
  private final double[] pitch; // MIDI pitch of each bin at A = 440 Hz
  private final int
      bins; // the bins any semitone or tuning peak can use: up to half a semitone above B6 + 1

  /** For PCM at {@code sampleRate}: frames of the power of two nearest 512 ms, whitened, harmonics weighted. */
  public TunedChroma(int sampleRate) {
    this(sampleRate, 4, 0.3);
  }

  /**
   * With the whitening and the harmonic weighting chosen (the benchmark compares them with the plain chroma).
   *
   * @param whitening half-width in bins of the neighbourhood whose mean each bin must stand above; 0: not whitened
   * @param harmonicWeight weight of the semitone of the second harmonic (the third's is its square, the fourth's its
   *     cube); 0: none
   */
  public TunedChroma(int sampleRate, int whitening, double harmonicWeight) {
    this.sampleRate = sampleRate;
    this.whitening = whitening;
    this.harmonicWeight = harmonicWeight;
    this.frame = Integer.highestOneBit((int) Math.round(sampleRate * 0.512 * 1.4));
    this.hop = frame / 2;
    this.fft = new RealFft(frame);
    double sum = 0;
    window = new double[frame];
    for (int i = 0; i < frame; i++) {
      window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / frame); // periodic Hann
      sum += window[i];
    }
    for (int i = 0; i < frame; i++) {
      window[i] /= sum; // a full-scale sine's peak reads 0.5, whatever the frame length
    }
    pitch = new double[fft.bins()];
    for (int k = 1; k < pitch.length; k++) {
      pitch[k] = midi(k * sampleRate / (double) frame);
    }
    pitch[0] = Double.NEGATIVE_INFINITY;
    int top = 1;
    while (top + 1 < pitch.length && pitch[top] < LOWEST_MIDI + SEMITONES + 0.5) {
      top++;
    }
    bins =
        Math.min(
            pitch.length,
            Math.max(top + 1, (int) Math.ceil(2000.0 * frame / sampleRate) + 2) + whitening);
  }

  /**
   * The summed chroma of the windows, C first, or null when no frame fits or every frame is silent.
   *
   * @param windows mono PCM at the sample rate given, each at least one frame long to count
   */
  public double[] of(float[][] windows) {
    float[][] spectra = spectra(windows);
    if (spectra.length == 0) {
      return null;
    }
    double tuning = tuningOf(spectra);
    int first = 1;
    while (pitch[first] - tuning - LOWEST_MIDI < -1) {
      first++;
    }
    double[] total = new double[12];
    double[] semitone = new double[SEMITONES];
    double[] salience = new double[SEMITONES];
    double[] c = new double[12];
    double[] white = new double[bins];
    boolean any = false;
    for (float[] spectrum : spectra) {
      double[] m = whiten(spectrum, white);
      java.util.Arrays.fill(semitone, 0);
      for (int k = first; k < m.length; k++) {
        double p = pitch[k] - tuning - LOWEST_MIDI;
        int below = (int) Math.floor(p);
        if (below < -1 || below >= SEMITONES) {
          continue;
        }
        double upper = p - below;
        if (below >= 0) {
          semitone[below] += (1 - upper) * m[k];
        }
        if (below + 1 < SEMITONES) {
          semitone[below + 1] += upper * m[k];
        }
      }
      weightHarmonics(semitone, salience);
      java.util.Arrays.fill(c, 0);
      for (int s = 0; s < SEMITONES; s++) {
        c[(LOWEST_MIDI + s) % 12] += Math.log1p(COMPRESSION * salience[s]);
      }
      double norm = 0;
      for (double v : c) {
        norm += v * v;
      }
      norm = Math.sqrt(norm);
      if (norm > 1e-9) {
        any = true;
        for (int i = 0; i < 12; i++) {
          total[i] += c[i] / norm;
        }
      }
    }
    return any ? total : null;
  }

  /**
   * Each bin's excess over the mean of the bins within {@code whitening} of it (fewer at the edges), 0 when below it;
   * the spectrum itself when whitening is off.
   */
  private double[] whiten(float[] m, double[] out) {
    if (whitening == 0) {
      for (int k = 0; k < m.length; k++) {
        out[k] = m[k];
      }
      return out;
    }
    double sum = 0;
    int lo = 0;
    int hi = -1; // the window is m[lo..hi]
    for (int k = 0; k < m.length; k++) {
      while (hi < Math.min(m.length - 1, k + whitening)) {
        sum += m[++hi];
      }
      while (lo < k - whitening) {
        sum -= m[lo++];
      }
      out[k] = Math.max(0, m[k] - sum / (hi - lo + 1));
    }
    return out;
  }

  /** Each semitone plus its harmonics' semitones, weighted {@code h, h², h³}. */
  private void weightHarmonics(double[] semitone, double[] out) {
    System.arraycopy(semitone, 0, out, 0, SEMITONES);
    double weight = 1;
    for (int offset : HARMONIC_OFFSETS) {
      weight *= harmonicWeight;
      for (int s = 0; s + offset < SEMITONES; s++) {
        out[s] += weight * semitone[s + offset];
      }
    }
  }

  /** The magnitude spectrum of every frame of every window. */
  private float[][] spectra(float[][] windows) {
    int count = 0;
    for (float[] w : windows) {
      count += w.length >= frame ? (w.length - frame) / hop + 1 : 0;
    }
    float[][] out = new float[count][];
    double[] in = new double[frame];
    double[] re = new double[fft.bins()];
    double[] im = new double[fft.bins()];
    int f = 0;
    for (float[] w : windows) {
      for (int start = 0; start + frame <= w.length; start += hop) {
        for (int i = 0; i < frame; i++) {
          in[i] = w[start + i] * window[i];
        }
        fft.forward(in, re, im);
        float[] m = new float[bins];
        for (int k = 0; k < bins; k++) {
          m[k] = (float) Math.sqrt(re[k] * re[k] + im[k] * im[k]);
        }
        out[f++] = m;
      }
    }
    return out;
  }

  /** The tuning of the windows in semitones from A = 440 Hz, -0.5..0.5 (0 when too short for a frame). */
  double tuning(float[][] windows) {
    float[][] spectra = spectra(windows);
    return spectra.length == 0 ? 0 : tuningOf(spectra);
  }

  /** The weighted circular mean of the spectral peaks' deviations from the nearest semitone. */
  private double tuningOf(float[][] spectra) {
    int lo = (int) Math.ceil(100.0 * frame / sampleRate);
    int hi = Math.min(bins - 2, (int) Math.floor(2000.0 * frame / sampleRate));
    double x = 0;
    double y = 0;
    for (float[] m : spectra) {
      for (int k = Math.max(1, lo); k <= hi; k++) {
        if (m[k] > m[k - 1] && m[k] > m[k + 1]) {
          double a = Math.log(m[k - 1] + 1e-12);
          double b = Math.log(m[k] + 1e-12);
          double c = Math.log(m[k + 1] + 1e-12);
          double d = 0.5 * (a - c) / (a - 2 * b + c - 1e-12);
          double p = midi((k + d) * sampleRate / frame);
          double angle = 2 * Math.PI * (p - Math.rint(p));
          x += m[k] * Math.cos(angle);
          y += m[k] * Math.sin(angle);
        }
      }
    }
    return x == 0 && y == 0 ? 0 : Math.atan2(y, x) / (2 * Math.PI);
  }

  private static double midi(double hz) {
    return 69 + 12 * Math.log(hz / 440) / Math.log(2);
  }
}
