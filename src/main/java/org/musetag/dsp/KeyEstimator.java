package org.musetag.dsp;

import be.tarsos.dsp.ConstantQ;
import java.util.ArrayList;
import java.util.List;

/**
 * A track's musical key from a few windows of its mono PCM: a chromagram from TarsosDSP's constant-Q transform (three
 * bins a semitone from C2, five octaves), each frame's chroma log-compressed and normalised, summed over the track,
 * then correlated with the 24 rotations of a major and a minor key profile; the best correlation names tonic and
 * mode. Which profile and chroma are used was chosen by measurement on human key annotations ({@code
 * docs/benchmarks.md}: a scale-and-triad profile on the chroma from C3 up).
 * Thread-safe: each call makes its own transform (TarsosDSP's keeps buffers).
 */
public final class KeyEstimator {
  /** Sharps, as Musetag names keys: A A# B C C# D D# E F F# G G#, from C. */
  public static final String[] NOTES = {
    "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"
  };

  /** Key profiles: weights of the 12 pitch classes from the tonic, major then minor. */
  public enum Profile {
    /** Krumhansl & Kessler (1982), probe-tone ratings. */
    KRUMHANSL_KESSLER(
        new double[] {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88},
        new double[] {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17}),
    /** Temperley (2001), from the Kostka–Payne corpus. */
    TEMPERLEY(
        new double[] {
          0.748, 0.060, 0.488, 0.082, 0.670, 0.460, 0.096, 0.715, 0.104, 0.366, 0.057, 0.400
        },
        new double[] {
          0.712, 0.084, 0.474, 0.618, 0.049, 0.460, 0.105, 0.747, 0.404, 0.067, 0.133, 0.330
        }),
    /** Scale and triad: 1 for scale tones, 2 for the tonic triad, 0 elsewhere (natural + harmonic minor). */
    DIATONIC(
        new double[] {2, 0, 1, 0, 2, 1, 0, 2, 0, 1, 0, 1},
        new double[] {2, 0, 1, 2, 0, 1, 0, 2, 1, 0, 1, 1});

    final double[] major;
    final double[] minor;

    Profile(double[] major, double[] minor) {
      this.major = major;
      this.minor = minor;
    }
  }

  private static final double C2 = 65.406;
  private static final int BINS_PER_OCTAVE = 36;
  private static final int OCTAVES = 5;

  private final int sampleRate;
  private final Profile profile;
  private final Options options;
  // TarsosDSP's transform keeps its buffers, and building its kernel costs more than using it: one
  // per thread
  private final ThreadLocal<ConstantQ> transform;

  /**
   * How the chroma is made.
   *
   * @param compression c in log(1 + c * magnitude); 0 for the magnitude itself
   * @param frameNorm 0 none, 1 by the frame's maximum, 2 by its length
   * @param tuning find the track's tuning (a third of a semitone either way) before folding
   * @param lowestOctave octaves above C2 where the chroma starts
   * @param highestOctave octaves above C2 where it ends (at most 5)
   */
  public record Options(
      double compression, int frameNorm, boolean tuning, int lowestOctave, int highestOctave) {
    /** Chosen on gtzan-rhythm-key (docs/benchmarks.md): log(1 + 10 m), frames to unit length, C3 up. */
    static final Options DEFAULT = new Options(10, 2, false, 1, OCTAVES);

    /** The first version's chroma: log(1 + 1000 m), frames by their maximum, C2 up (the benchmark's comparison). */
    public static final Options WHOLE_RANGE = new Options(1000, 1, false, 0, OCTAVES);
  }

  /**
   * A key, tonic 0 (C) .. 11 (B), and how sure of it the estimator is, 0..1.
   *
   * @param confidence the best correlation's margin over the best other key, scaled to 0..1
   */
  public record Key(int tonic, boolean minor, double confidence) {
    /** "A minor", "C# major". */
    public String name() {
      return NOTES[tonic] + (minor ? " minor" : " major");
    }

    /** ID3's TKEY notation: "Am", "C#", at most three characters. */
    public String id3() {
      return NOTES[tonic] + (minor ? "m" : "");
    }

    /** Place on the circle of fifths from C: C 0, G 1, D 2 … F 11. */
    private int fifths() {
      return tonic * 7 % 12;
    }

    /** The Camelot code DJ software shows: "8A" for A minor, "8B" for C major. */
    public String camelot() {
      return camelotNumber() + (minor ? "A" : "B");
    }

    /** The number of the Camelot code, 1..12. */
    private int camelotNumber() {
      return (fifths() + (minor ? 4 : 7)) % 12 + 1;
    }

    /** Open Key notation (Traktor): "1m" for A minor, "1d" for C major. */
    public String openKey() {
      return ((fifths() + (minor ? 9 : 0)) % 12 + 1) + (minor ? "m" : "d");
    }

    /** The relative major or minor: A minor ↔ C major. */
    public Key relative() {
      return minor
          ? new Key((tonic + 3) % 12, false, confidence)
          : new Key((tonic + 9) % 12, true, confidence);
    }

    /**
     * Whether a DJ can mix the two (harmonic mixing): the same key, its relative major or minor (same Camelot
     * number), or a fifth up or down in the same mode (Camelot number ±1).
     */
    public boolean mixesWith(Key other) {
      int d = Math.floorMod(camelotNumber() - other.camelotNumber(), 12);
      return d == 0 || (minor == other.minor && (d == 1 || d == 11));
    }

    /**
     * Parses "A minor", "C# major", "Bb minor" (flats accepted), as annotations and tags write keys, and Camelot
     * codes ("8A").
     */
    public static Key parse(String text) {
      java.util.regex.Matcher camelot =
          java.util.regex.Pattern.compile("(?i)(1[0-2]|[1-9])([AB])").matcher(text.strip());
      if (camelot.matches()) {
        int n = Integer.parseInt(camelot.group(1));
        boolean minor = camelot.group(2).equalsIgnoreCase("A");
        for (int t = 0; t < 12; t++) {
          Key k = new Key(t, minor, 1);
          if (k.camelot().equals(n + (minor ? "A" : "B"))) {
            return k;
          }
        }
      }
      String[] parts = text.strip().split("\\s+");
      if (parts.length != 2) {
        throw new IllegalArgumentException("not a key: " + text);
      }
      String note = parts[0];
      int pc = -1;
      for (int i = 0; i < 12; i++) {
        if (NOTES[i].equalsIgnoreCase(note)) {
          pc = i;
        }
      }
      if (pc < 0 && note.length() == 2 && (note.charAt(1) == 'b' || note.charAt(1) == '♭')) {
        for (int i = 0; i < 12; i++) {
          if (NOTES[i].equalsIgnoreCase(note.substring(0, 1))) {
            pc = (i + 11) % 12;
          }
        }
      }
      boolean minor = parts[1].toLowerCase(java.util.Locale.ROOT).startsWith("min");
      if (pc < 0 || !(minor || parts[1].toLowerCase(java.util.Locale.ROOT).startsWith("maj"))) {
        throw new IllegalArgumentException("not a key: " + text);
      }
      return new Key(pc, minor, 1);
    }
  }

  /** With the profile and chroma chosen by measurement (docs/benchmarks.md). */
  public KeyEstimator(int sampleRate) {
    this(sampleRate, Profile.DIATONIC);
  }

  public KeyEstimator(int sampleRate, Profile profile) {
    this(sampleRate, profile, Options.DEFAULT);
  }

  public KeyEstimator(int sampleRate, Profile profile, Options options) {
    this.sampleRate = sampleRate;
    this.profile = profile;
    this.options = options;
    this.transform =
        ThreadLocal.withInitial(
            () ->
                new ConstantQ(
                    sampleRate,
                    (float) C2,
                    (float) (C2 * Math.pow(2, OCTAVES) * 0.999),
                    BINS_PER_OCTAVE));
  }

  /** The key of the windows; null when they hold no tonal energy (silence, too short for one frame). */
  public Key estimate(float[][] windows) {
    double[] chroma = chroma(windows);
    if (chroma == null) {
      return null;
    }
    double best = Double.NEGATIVE_INFINITY;
    double second = Double.NEGATIVE_INFINITY;
    int bestTonic = 0;
    boolean bestMinor = false;
    for (int mode = 0; mode < 2; mode++) {
      double[] p = mode == 0 ? profile.major : profile.minor;
      for (int tonic = 0; tonic < 12; tonic++) {
        double r = correlation(chroma, p, tonic);
        if (r > best) {
          second = best;
          best = r;
          bestTonic = tonic;
          bestMinor = mode == 1;
        } else if (r > second) {
          second = r;
        }
      }
    }
    double confidence =
        Math.max(0, Math.min(1, (best - second) / 0.2 * 0.5 + 0.5 * Math.max(0, best)));
    return new Key(bestTonic, bestMinor, Math.round(confidence * 1000) / 1000.0);
  }

  /** The summed, normalised 12-bin chroma of the windows (C first), or null when there is none. */
  double[] chroma(float[][] windows) {
    ConstantQ cq = transform.get();
    int n = cq.getFFTlength();
    int hop =
        n / 2; // half-overlapping frames (side by side costs less and gives MIREX 0.545, not 0.574)
    int perSemitone = BINS_PER_OCTAVE / 12;
    int from = options.lowestOctave() * BINS_PER_OCTAVE;
    int to = Math.min(options.highestOctave() * BINS_PER_OCTAVE, cq.getNumberOfOutputBands());
    List<float[]> spectra = new ArrayList<>();
    float[] frame = new float[n];
    for (float[] w : windows) {
      for (int start = 0; start + n <= w.length; start += hop) {
        System.arraycopy(w, start, frame, 0, n);
        cq.calculateMagintudes(frame);
        spectra.add(cq.getMagnitudes().clone());
      }
    }
    int offset = 0;
    if (options.tuning()) {
      double[] sub = new double[perSemitone];
      for (float[] m : spectra) {
        for (int b = from; b < to; b++) {
          sub[b % perSemitone] += m[b];
        }
      }
      // sub-bin 0 is in tune; 1 is a third of a semitone sharp, perSemitone-1 a third flat
      for (int o = 1; o < perSemitone; o++) {
        if (sub[o] > sub[offset]) {
          offset = o;
        }
      }
      if (offset > perSemitone / 2) {
        offset -= perSemitone;
      }
    }
    double[] total = new double[12];
    int frames = 0;
    for (float[] mags : spectra) {
      double[] c = new double[12];
      for (int b = from; b < to; b++) {
        int semitone = Math.round((b - offset) / (float) perSemitone);
        double v =
            options.compression() > 0 ? Math.log1p(options.compression() * mags[b]) : mags[b];
        c[Math.floorMod(semitone, 12)] += v;
      }
      double norm = 0;
      for (double v : c) {
        norm = options.frameNorm() == 2 ? norm + v * v : Math.max(norm, v);
      }
      norm = options.frameNorm() == 0 ? 1 : options.frameNorm() == 2 ? Math.sqrt(norm) : norm;
      if (norm > 1e-9) {
        for (int i = 0; i < 12; i++) {
          total[i] += c[i] / norm;
        }
        frames++;
      }
    }
    return frames == 0 ? null : total;
  }

  /** Pearson correlation of the chroma with the profile rotated to start at {@code tonic}. */
  static double correlation(double[] chroma, double[] profile, int tonic) {
    double mc = 0;
    double mp = 0;
    for (int i = 0; i < 12; i++) {
      mc += chroma[i];
      mp += profile[i];
    }
    mc /= 12;
    mp /= 12;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < 12; i++) {
      double x = chroma[(tonic + i) % 12] - mc;
      double y = profile[i] - mp;
      sxy += x * y;
      sxx += x * x;
      syy += y * y;
    }
    return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
  }
}
