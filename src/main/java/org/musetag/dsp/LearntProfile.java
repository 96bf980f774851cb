package org.musetag.dsp;

/**
 * The shipped key profile's weights, printed by {@code bench/rhythm-key.sh} (KeyProfileFit on all 117 keyed clips of
 * gtzan-rhythm-key, shrunk towards Krumhansl–Kessler, L2 3): weights of the 12 z-scored pitch classes from the tonic, one set per mode.
 */
final class LearntProfile {
  static final double[] MAJOR = {
    1.1704, -0.3049, 0.0312, -0.6208, 0.8283, -0.0792, -0.4901, 0.8503, -0.2844, -0.0765, -0.9399,
    -0.0845
  };
  static final double[] MINOR = {
    1.4614, -0.7746, -0.0762, 0.7449, -0.2249, -0.1031, -0.2297, 0.8415, -0.7087, -0.6621, -0.0485,
    -0.2201
  };

  private LearntProfile() {}
}
