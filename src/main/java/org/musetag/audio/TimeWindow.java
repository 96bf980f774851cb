package org.musetag.audio;

/** A stretch of a track to decode: {@code startSeconds} from the beginning, {@code lengthSeconds} long. */
public record TimeWindow(double startSeconds, double lengthSeconds) {
  public TimeWindow {
    if (!(startSeconds >= 0) || !(lengthSeconds > 0)) {
      throw new IllegalArgumentException(
          "a window needs start >= 0 and length > 0, got " + startSeconds + ", " + lengthSeconds);
    }
  }
}
