package org.musetag.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avformat;

/**
 * How much of an MP4 (M4A, M4B) file's audio is really there. The sample table in the header lists every sample
 * with its byte offset, so a download cut short (an audiobook that claims 4.7 h) still reports its full length.
 * FFmpeg builds its index from that table on open; the first sample that lies beyond the end of the file is where
 * the audio stops.
 */
final class MovExtent {
  private MovExtent() {}

  /** Seconds of {@code audio} whose samples lie within the file's {@code size} bytes, or NaN when not indexed. */
  static double presentSeconds(AVStream audio, long size) {
    int n = avformat.avformat_index_get_entries_count(audio);
    if (n <= 0 || endOf(avformat.avformat_index_get_entry(audio, n - 1)) <= size) {
      return Double.NaN;
    }
    int lo = 0;
    int hi = n - 1; // the answer lies in [lo, hi]: the first entry that does not fit
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (endOf(avformat.avformat_index_get_entry(audio, mid)) > size) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    long first = audio.start_time() == AV_NOPTS_VALUE ? 0 : audio.start_time();
    long ts = avformat.avformat_index_get_entry(audio, lo).timestamp() - first;
    return Math.max(0, ts * (double) audio.time_base().num() / audio.time_base().den());
  }

  private static long endOf(AVIndexEntry e) {
    return e == null || e.isNull() ? Long.MAX_VALUE : e.pos() + e.size();
  }
}
