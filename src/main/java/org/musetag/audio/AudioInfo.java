package org.musetag.audio;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a file holds, as read from its container without decoding the audio.
 *
 * @param format container, e.g. {@code mp3}, {@code ogg}, {@code flac}, {@code mp4}, {@code wav}, {@code aiff}
 * @param codec audio codec, e.g. {@code vorbis}, {@code opus}, {@code aac}, {@code pcm_s16le}
 * @param sampleRate the stream's own sample rate in Hz
 * @param channels the stream's own channel count
 * @param durationSeconds duration declared by the container (or estimated by FFmpeg for raw streams)
 * @param tags the existing tags, container and stream level merged, keys as the file spells them
 */
public record AudioInfo(
    Path path,
    String format,
    String codec,
    int sampleRate,
    int channels,
    double durationSeconds,
    Map<String, String> tags) {
  public AudioInfo {
    tags = Map.copyOf(tags);
  }
}
