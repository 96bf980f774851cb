package org.musetag.ml;

import java.util.ArrayList;
import java.util.List;

/**
 * Which stretches of a track the model listens to. The training pipeline aggregates the same way
 * (models/training/train.py, recorded in the model card), so the two must change together.
 *
 * <p>With D samples in the track, P samples per patch (or window) and K patches per track: if D ≤ P, one patch from
 * the start, zero-padded; otherwise K patches, patch i starting at sample round((D − P)(2i + 1) / 2K) — evenly
 * spread, centred in K equal slices of the track, never touching its very start or end. MelSpec v1 models hear K = 5
 * ({@link #PATCHES_PER_TRACK}); a waveform model names its K in its metadata ({@code windows_per_track}).
 */
public final class PatchPlan {
  public static final int PATCHES_PER_TRACK = 5;

  private PatchPlan() {}

  /** Start sample of each of the {@value #PATCHES_PER_TRACK} patches of a MelSpec v1 model. */
  public static List<Long> starts(long trackSamples, int patchSamples) {
    return starts(trackSamples, patchSamples, PATCHES_PER_TRACK);
  }

  /** Start sample of each of {@code k} patches; one (from 0) when the track is no longer than a patch. */
  public static List<Long> starts(long trackSamples, int patchSamples, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("at least one patch per track, not " + k);
    }
    List<Long> starts = new ArrayList<>();
    if (trackSamples <= patchSamples) {
      starts.add(0L);
      return starts;
    }
    long free = trackSamples - patchSamples;
    for (int i = 0; i < k; i++) {
      // round half up in integers, exactly as models/training/features.py does
      starts.add(Math.floorDiv(free * (2L * i + 1) * 2 + 2L * k, 4L * k));
    }
    return starts;
  }
}
