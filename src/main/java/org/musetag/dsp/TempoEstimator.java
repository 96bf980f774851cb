package org.musetag.dsp;

/**
 * A track's global tempo from a few windows of its mono PCM, in the classic way: an onset-strength envelope (positive
 * log-mel flux, 100 frames a second), its autocorrelation averaged over the windows, a salience per tempo that adds
 * the autocorrelation at the beat period and its multiples (so a beat that comes back every bar counts), and a
 * log-normal preference for moderate tempi that decides between a tempo and its double or half, the classic
 * failure. Audio in which nothing starts (a steady tone, a drone) has no tempo. Pure: immutable, thread-safe.
 */
public final class TempoEstimator {
  /** Onset envelope frames per second. */
  static final int FPS = 100;

  /** Tempi considered, in beats per minute. */
  public static final double MIN_BPM = 40;

  public static final double MAX_BPM = 240;

  /** How far below a window's loudest mel band the onsets look, in dB. */
  static final double RANGE_DB = 60;

  /**
   * Below this mean rise per frame (dB, summed over the 40 bands) nothing starts, and no tempo is given. Measured
   * (decision 0015): encoded steady sines 0.03–1.5, a slow tremolo drone 5.0, the least busy music seen 11.8 (real
   * library) and 26.6 (GTZAN).
   */
  static final double MIN_MEAN_RISE_DB = 4;

  private final int sampleRate;
  private final MelSpectrogram mel;
  private final double priorCentre;
  private final double priorOctaves;

  /** A tempo and how sure of it the estimator is, 0..1 (the winner's share of the salience over the rival tempi). */
  public record Tempo(double bpm, double confidence) {}

  /** At {@code sampleRate} (a multiple of {@value #FPS}), preferring tempi near 120 BPM within about an octave. */
  public TempoEstimator(int sampleRate) {
    this(sampleRate, 120, 1.0);
  }

  TempoEstimator(int sampleRate, double priorCentre, double priorOctaves) {
    if (sampleRate % FPS != 0) {
      throw new IllegalArgumentException("the sample rate must be a multiple of " + FPS);
    }
    this.sampleRate = sampleRate;
    int fft = Integer.highestOneBit(sampleRate / 32) * 2; // ~32 ms: 512 at 16 kHz
    this.mel =
        MelSpectrogram.of(
            new MelParameters(
                sampleRate,
                fft,
                sampleRate / FPS,
                40,
                30,
                Math.min(8000, sampleRate / 2.0),
                1e-10));
    this.priorCentre = priorCentre;
    this.priorOctaves = priorOctaves;
  }

  /** The tempo of the windows (each at least 3 s long to count); null when none is long enough or all is silence. */
  public Tempo estimate(float[][] windows) {
    int maxLag = (int) Math.ceil(FPS * 60.0 / MIN_BPM * 4) + 2; // four beats of the slowest tempo
    double[] acf = new double[maxLag + 1];
    int used = 0;
    double rise = 0;
    int heard = 0;
    for (float[] w : windows) {
      if (w.length < 3 * sampleRate) {
        continue;
      }
      Onsets onsets = onsets(w);
      rise += onsets.meanRise();
      heard++;
      double[] env = onsets.envelope();
      double[] a = autocorrelation(env, Math.min(maxLag, env.length - 1));
      if (a == null) {
        continue;
      }
      for (int i = 0; i < a.length; i++) {
        acf[i] += a[i];
      }
      used++;
    }
    if (used == 0 || rise / heard < MIN_MEAN_RISE_DB) {
      return null; // nothing starts: a steady tone or drone has no beat to hear
    }
    int steps = (int) Math.round((MAX_BPM - MIN_BPM) * 10) + 1;
    double[] salience = new double[steps];
    double best = -1;
    int bestAt = -1;
    for (int s = 0; s < steps; s++) {
      double bpm = MIN_BPM + s / 10.0;
      double period = FPS * 60.0 / bpm;
      double sum = 0;
      double weights = 0;
      for (int k = 1; k <= 4; k++) {
        double lag = k * period;
        if (lag >= acf.length - 1) {
          break;
        }
        double w = 1.0 / k;
        sum += w * at(acf, lag);
        weights += w;
      }
      double octaves = Math.log(bpm / priorCentre) / Math.log(2);
      double prior = Math.exp(-0.5 * octaves * octaves / (priorOctaves * priorOctaves));
      salience[s] = Math.max(0, sum / weights) * prior;
      if (salience[s] > best) {
        best = salience[s];
        bestAt = s;
      }
    }
    if (best <= 0) {
      return null;
    }
    double bpm = MIN_BPM + refine(salience, bestAt) / 10.0;
    return new Tempo(Math.round(bpm * 10) / 10.0, confidence(salience, bestAt));
  }

  /**
   * Where notes and beats start in one window: the positive log-mel flux per frame, summed over bands, minus its own
   * moving average over about a second and rectified; and the mean flux itself, how much starts at all.
   */
  record Onsets(double[] envelope, double meanRise) {}

  /**
   * The onsets of {@code pcm}. Bands more than {@value #RANGE_DB} dB below the window's loudest are held at that
   * level first: what a pure tone leaves empty holds only numerical noise, which in decibels would read as onsets.
   */
  Onsets onsets(float[] pcm) {
    float[][] m = mel.compute(pcm);
    float loudest = Float.NEGATIVE_INFINITY;
    for (float[] frame : m) {
      for (float v : frame) {
        loudest = Math.max(loudest, v);
      }
    }
    float lowest = (float) (loudest - RANGE_DB);
    for (float[] frame : m) {
      for (int b = 0; b < frame.length; b++) {
        frame[b] = Math.max(frame[b], lowest);
      }
    }
    int n = m.length;
    double[] flux = new double[n];
    double total = 0;
    for (int t = 1; t < n; t++) {
      flux[t] = BeatGrid.flux(m[t - 1], m[t]);
      total += flux[t];
    }
    int half = FPS / 2;
    double[] out = new double[n];
    double run = 0;
    int lo = 0;
    int hi = -1;
    for (int t = 0; t < n; t++) {
      while (hi < Math.min(n - 1, t + half)) {
        run += flux[++hi];
      }
      while (lo < t - half) {
        run -= flux[lo++];
      }
      double mean = run / (hi - lo + 1);
      out[t] = Math.max(0, flux[t] - mean);
    }
    return new Onsets(out, n > 1 ? total / (n - 1) : 0);
  }

  /** The autocorrelation of x at lags 0..maxLag, normalised to 1 at lag 0; null for a silent x. */
  static double[] autocorrelation(double[] x, int maxLag) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double[] c = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      c[i] = x[i] - mean;
    }
    double[] a = new double[maxLag + 1];
    for (int lag = 0; lag <= maxLag; lag++) {
      double s = 0;
      for (int i = lag; i < c.length; i++) {
        s += c[i] * c[i - lag];
      }
      a[lag] = s / (c.length - lag); // unbiased: long lags are not penalised for overlapping less
    }
    if (a[0] <= 0) {
      return null;
    }
    double zero = a[0];
    for (int i = 0; i <= maxLag; i++) {
      a[i] /= zero;
    }
    return a;
  }

  /** Linear interpolation of a at a fractional lag. */
  private static double at(double[] a, double lag) {
    int i = (int) lag;
    double f = lag - i;
    return a[i] * (1 - f) + a[i + 1] * f;
  }

  /** The peak's position refined by a parabola through it and its neighbours. */
  private static double refine(double[] s, int i) {
    if (i == 0 || i == s.length - 1) {
      return i;
    }
    double denom = s[i - 1] - 2 * s[i] + s[i + 1];
    return denom == 0 ? i : i + 0.5 * (s[i - 1] - s[i + 1]) / denom;
  }

  /**
   * The winner's salience against the best tempo that is not within 4 % of it or of a simple ratio of it (its
   * double, half, triple, third): 0.5 when a rival is as salient, towards 1 when none is.
   */
  private static double confidence(double[] s, int best) {
    double bpm = MIN_BPM + best / 10.0;
    double rival = 0;
    for (int i = 1; i < s.length - 1; i++) {
      if (s[i] < s[i - 1] || s[i] < s[i + 1] || s[i] <= rival) {
        continue; // only peaks can be rivals
      }
      double b = MIN_BPM + i / 10.0;
      boolean related = false;
      for (double r : new double[] {1, 2, 0.5, 3, 1.0 / 3, 1.5, 2.0 / 3}) {
        if (Math.abs(b / (bpm * r) - 1) < 0.04) {
          related = true;
          break;
        }
      }
      if (!related) {
        rival = Math.max(rival, s[i]);
      }
    }
    double c = s[best] / (s[best] + rival);
    return Math.round(c * 1000) / 1000.0;
  }
}
