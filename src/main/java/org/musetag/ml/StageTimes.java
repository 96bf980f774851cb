package org.musetag.ml;

import java.util.concurrent.atomic.LongAdder;

/** Time spent per stage of classification, summed over all worker threads, for benchmarks and progress reports. */
public final class StageTimes {
  private final LongAdder decode = new LongAdder();
  private final LongAdder frontEnd = new LongAdder();
  private final LongAdder inference = new LongAdder();

  void addDecode(long nanos) {
    decode.add(nanos);
  }

  void addFrontEnd(long nanos) {
    frontEnd.add(nanos);
  }

  void addInference(long nanos) {
    inference.add(nanos);
  }

  public double decodeSeconds() {
    return decode.sum() / 1e9;
  }

  public double frontEndSeconds() {
    return frontEnd.sum() / 1e9;
  }

  public double inferenceSeconds() {
    return inference.sum() / 1e9;
  }
}
