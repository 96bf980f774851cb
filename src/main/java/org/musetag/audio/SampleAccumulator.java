package org.musetag.audio;

import java.nio.FloatBuffer;
import java.util.Arrays;

/** A growable float array that decoded frames are appended to, with an optional cap on the number kept. */
final class SampleAccumulator {
  private float[] data;
  private int size;
  private final int limit;

  SampleAccumulator(int initialCapacity, int limit) {
    this.data = new float[Math.max(16, Math.min(initialCapacity, limit))];
    this.limit = limit;
  }

  /** Appends as many samples as fit under the limit; returns true once the limit is reached. */
  boolean append(FloatBuffer samples) {
    FloatBuffer src = samples.duplicate();
    int n = Math.min(src.remaining(), limit - size);
    ensureCapacity(size + n);
    src.get(data, size, n);
    size += n;
    return size >= limit;
  }

  boolean isFull() {
    return size >= limit;
  }

  int size() {
    return size;
  }

  float[] toArray() {
    return data.length == size ? data : Arrays.copyOf(data, size);
  }

  private void ensureCapacity(int needed) {
    if (needed > data.length) {
      long grown = Math.max(needed, (long) data.length * 2);
      data = Arrays.copyOf(data, (int) Math.min(grown, Integer.MAX_VALUE - 8));
    }
  }
}
