package org.musetag.app;

import org.musetag.audio.FfmpegAudioDecoder;

/** The composition root: the one place that chooses implementations. No static singletons elsewhere. */
public final class Wiring {
  private Wiring() {}

  public static Services create() {
    return new Services(new FfmpegAudioDecoder());
  }
}
