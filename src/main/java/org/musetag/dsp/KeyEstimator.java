package org.musetag.dsp;

/**
 * A track's musical key from a few windows of its mono PCM: the {@link TunedChroma} of the windows, z-scored, scored
 * against the 24 rotations of a major and a minor key profile; the best score names tonic and mode, and the softmax of
 * the 24 scores says how sure it is. The shipped profile was learnt from human key annotations by cross-validation
 * ({@code docs/benchmarks.md}, decision 0015); the classic profiles are kept for the benchmark's comparison, scored by
 * Pearson correlation (the same formula, with the profile z-scored and divided by 12).
 * Thread-safe: immutable.
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
        correlation(
            new double[] {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88}),
        correlation(
            new double[] {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17})),
    /** Temperley (2001), from the Kostka–Payne corpus. */
    TEMPERLEY(
        correlation(
            new double[] {
              0.748, 0.060, 0.488, 0.082, 0.670, 0.460, 0.096, 0.715, 0.104, 0.366, 0.057, 0.400
            }),
        correlation(
            new double[] {
              0.712, 0.084, 0.474, 0.618, 0.049, 0.460, 0.105, 0.747, 0.404, 0.067, 0.133, 0.330
            })),
    /** Scale and triad: 1 for scale tones, 2 for the tonic triad, 0 elsewhere (natural + harmonic minor). */
    DIATONIC(
        correlation(new double[] {2, 0, 1, 0, 2, 1, 0, 2, 0, 1, 0, 1}),
        correlation(new double[] {2, 0, 1, 2, 0, 1, 0, 2, 1, 0, 1, 1})),
    /**
     * Learnt from gtzan-rhythm-key's 117 keyed clips (a conditional logit over the 24 keys, L2 3.0, shrunk towards Krumhansl–Kessler; {@code
     * KeyProfileFit}); its cross-validated score is in docs/benchmarks.md. Weights on the z-scored chroma.
     */
    LEARNT(LearntProfile.MAJOR, LearntProfile.MINOR);

    final double[] major;
    final double[] minor;

    Profile(double[] major, double[] minor) {
      this.major = major;
      this.minor = minor;
    }

    /** Weights whose dot product with a z-scored chroma is its Pearson correlation with {@code profile}. */
    private static double[] correlation(double[] profile) {
      double[] z = zscore(profile);
      for (int i = 0; i < 12; i++) {
        z[i] /= 12;
      }
      return z;
    }

    /** The profile's weights from the tonic, major or minor. */
    public double[] weights(boolean minor) {
      return (minor ? this.minor : major).clone();
    }
  }

  private final TunedChroma chroma;
  private final double[] major;
  private final double[] minor;

  /**
   * A key, tonic 0 (C) .. 11 (B), and how sure of it the estimator is, 0..1.
   *
   * @param confidence the probability the estimator gives this key among the 24 (the softmax of their scores), 0..1
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

  /** With the profile chosen by measurement (docs/benchmarks.md). */
  public KeyEstimator(int sampleRate) {
    this(sampleRate, Profile.LEARNT);
  }

  public KeyEstimator(int sampleRate, Profile profile) {
    this(new TunedChroma(sampleRate), profile.major, profile.minor);
  }

  /** With the given weights on the z-scored chroma from the tonic (the profile fit's folds). */
  public KeyEstimator(TunedChroma chroma, double[] major, double[] minor) {
    this.chroma = chroma;
    this.major = major.clone();
    this.minor = minor.clone();
  }

  /** The key of the windows; null when they hold no tonal energy (silence, too short for one frame). */
  public Key estimate(float[][] windows) {
    return estimate(chroma.of(windows));
  }

  /** The key of a summed chroma (C first); null for null. */
  public Key estimate(double[] chroma) {
    if (chroma == null) {
      return null;
    }
    double[] z = zscore(chroma);
    double[] scores = scores(z, major, minor);
    int best = 0;
    for (int k = 1; k < 24; k++) {
      if (scores[k] > scores[best]) {
        best = k;
      }
    }
    double sum = 0;
    for (double s : scores) {
      sum += Math.exp(s - scores[best]);
    }
    return new Key(best % 12, best >= 12, Math.round(1000 / sum) / 1000.0);
  }

  /**
   * The 24 keys' scores, majors C..B then minors C..B: the weights from each tonic dotted with the z-scored chroma.
   */
  public static double[] scores(double[] z, double[] major, double[] minor) {
    double[] s = new double[24];
    for (int tonic = 0; tonic < 12; tonic++) {
      for (int i = 0; i < 12; i++) {
        double v = z[(tonic + i) % 12];
        s[tonic] += major[i] * v;
        s[12 + tonic] += minor[i] * v;
      }
    }
    return s;
  }

  /** (x - mean) / standard deviation; all zeros for a flat vector. */
  public static double[] zscore(double[] x) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double var = 0;
    for (double v : x) {
      var += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(var / x.length);
    double[] z = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      z[i] = sd < 1e-12 ? 0 : (x[i] - mean) / sd;
    }
    return z;
  }
}
