package org.musetag.audio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a file holds, as read from its container without decoding the audio. A file that is only partly right (cut
 * short, misnamed, with damaged tags) is still described, with what is wrong, because its audio can still be
 * listened to; the callers decide whether that is enough.
 *
 * @param format container, e.g. {@code mp3}, {@code ogg}, {@code flac}, {@code mp4}, {@code wav}, {@code aiff}: what
 *     the content is, whatever the file name says
 * @param codec audio codec, e.g. {@code vorbis}, {@code opus}, {@code aac}, {@code pcm_s16le}
 * @param sampleRate the stream's own sample rate in Hz
 * @param channels the stream's own channel count
 * @param durationSeconds the audio that is there: the container's declared duration (or FFmpeg's estimate for raw
 *     streams), or less when the file holds less than its header declares
 * @param tags the existing tags, container and stream level merged, keys as the file spells them
 * @param declaredSeconds the duration the header declares, which a truncated file does not reach
 * @param truncation null, or why the file holds less audio than it declares ("is truncated: ...")
 * @param misnamed null, or how the file name misleads ("is named .mp3 but its content is FLAC")
 * @param tagProblem null, or the damage FFmpeg met in the tags or pictures (not in the audio)
 */
public record AudioInfo(
    Path path,
    String format,
    String codec,
    int sampleRate,
    int channels,
    double durationSeconds,
    Map<String, String> tags,
    double declaredSeconds,
    String truncation,
    String misnamed,
    String tagProblem) {
  public AudioInfo {
    tags = Map.copyOf(tags);
  }

  /** A whole, rightly named file with sound tags. */
  public AudioInfo(
      Path path,
      String format,
      String codec,
      int sampleRate,
      int channels,
      double durationSeconds,
      Map<String, String> tags) {
    this(
        path,
        format,
        codec,
        sampleRate,
        channels,
        durationSeconds,
        tags,
        durationSeconds,
        null,
        null,
        null);
  }

  /** Everything that is not quite right about the file, in words a user reads after its name; empty when none. */
  public List<String> caveats() {
    List<String> out = new ArrayList<>();
    for (String c : new String[] {truncation, misnamed, tagProblem}) {
      if (c != null) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }
}
