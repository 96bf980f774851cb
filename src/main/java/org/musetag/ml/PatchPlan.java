package org.musetag.ml;

import java.util.ArrayList;
import java.util.List;

/**
 * Which stretches of a track the model listens to. The training pipeline aggregates the same way
 * (models/training/train.py, recorded in the model card), so the two must change together.
 *
 * <p>With D samples in the track and P samples per patch: if D ≤ P, one patch from the start, zero-padded;
 * otherwise K = 5 patches, patch i starting at sample round((D − P)(2i + 1) / 2K) — evenly spread, centred in K
 * equal slices of the track, never touching its very start or end.
 */
public final class PatchPlan {
  public static final int PATCHES_PER_TRACK = 5;

  private PatchPlan() {}

  /** Start sample of each patch. */
  public static List<Long> starts(long trackSamples, int patchSamples) {
    List<Long> starts = new ArrayList<>();
    if (trackSamples <= patchSamples) {
      starts.add(0L);
      return starts;
    }
    long free = trackSamples - patchSamples;
    for (int i = 0; i < PATCHES_PER_TRACK; i++) {
      // round half up in integers, exactly as models/training/features.py does
      starts.add(
          Math.floorDiv(free * (2L * i + 1) * 2 + 2L * PATCHES_PER_TRACK, 4L * PATCHES_PER_TRACK));
    }
    return starts;
  }
}
