package org.musetag.ui.player;

/**
 * Mel frames handed from the decoding thread to the view: a ring of the most recent frames by their index in the
 * track (16 ms each). The writer runs a few seconds ahead of the sound; the view reads the frames up to what is
 * being heard. Every method holds the lock only to copy a reference, so the FX thread never waits on decoding.
 */
public final class SpectrogramFeed {
  private final float[][] ring;
  private final long[] indices;

  public SpectrogramFeed(int capacity) {
    ring = new float[capacity][];
    indices = new long[capacity];
    java.util.Arrays.fill(indices, -1);
  }

  public synchronized void add(long index, float[] melDb) {
    int slot = (int) (index % ring.length);
    ring[slot] = melDb;
    indices[slot] = index;
  }

  /** The frame {@code index}, or null when it is not (or no longer) here. */
  public synchronized float[] get(long index) {
    if (index < 0) {
      return null;
    }
    int slot = (int) (index % ring.length);
    return indices[slot] == index ? ring[slot] : null;
  }

  /** Forgets every frame (a seek or a new track). */
  public synchronized void clear() {
    java.util.Arrays.fill(indices, -1);
    java.util.Arrays.fill(ring, null);
  }
}
