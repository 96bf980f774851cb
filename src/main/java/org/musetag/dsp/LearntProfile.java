package org.musetag.dsp;

/**
 * The shipped key profile's weights, printed by {@code bench/rhythm-key.sh} (KeyProfileFit on all 117 keyed clips of
 * gtzan-rhythm-key): weights of the 12 z-scored pitch classes from the tonic, one set per mode.
 */
final class LearntProfile {
  static final double[] MAJOR = {
    1.0742, -0.4569, 0.2380, -0.7403, 0.7887, -0.2257, -0.5359, 0.9416, -0.3531, 0.0393, -0.9008,
    0.1308
  };
  static final double[] MINOR = {
    1.4099, -0.8094, -0.0086, 0.5184, -0.4012, 0.0451, -0.1977, 1.0101, -0.8799, -0.4400, 0.0538,
    -0.3003
  };

  private LearntProfile() {}
}
