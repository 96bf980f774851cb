package org.musetag.cli;

import org.musetag.dsp.KeyEstimator.Key;
import org.musetag.similar.TempoKeyFilter;
import picocli.CommandLine.Option;

/** {@code --bpm MIN-MAX}, {@code --key KEY}, {@code --mixes-with KEY}: shared by similar and playlist. */
final class TempoKeyOptions {
  @Option(
      names = "--bpm",
      paramLabel = "MIN-MAX",
      description = "only tracks whose tempo is in this range, e.g. 120-130, 120- or -90")
  String bpm;

  @Option(
      names = "--key",
      paramLabel = "KEY",
      description = "only tracks in this key: \"A minor\", \"C# major\" or a Camelot code (8A)")
  String key;

  @Option(
      names = "--mixes-with",
      paramLabel = "KEY",
      description =
          "only tracks in keys that mix with this one (same Camelot number or one either side)")
  String mixesWith;

  /** The filter, or a clear error naming the option that is wrong. */
  TempoKeyFilter filter() {
    double[] range =
        bpm == null
            ? new double[] {Double.NaN, Double.NaN}
            : parse("--bpm", () -> TempoKeyFilter.range(bpm));
    Key k = key == null ? null : parse("--key", () -> Key.parse(key));
    Key m = mixesWith == null ? null : parse("--mixes-with", () -> Key.parse(mixesWith));
    return new TempoKeyFilter(range[0], range[1], k, m);
  }

  private static <T> T parse(String option, java.util.function.Supplier<T> p) {
    try {
      return p.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
    }
  }
}
