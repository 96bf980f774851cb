package org.musetag.audio;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends FFmpeg's own log lines to SLF4J instead of the terminal, and counts, per thread, the errors FFmpeg reports
 * while a file is decoded. FFmpeg skips over damaged frames and carries on, so these messages are the only sign of
 * a corrupt stream. Audio decoders run on the calling thread, so a thread-local tally belongs to that one file.
 *
 * <p>FFmpeg's log callback is process-wide, hence the one static installation; the callback object is kept
 * reachable so the native side never calls a collected object.
 */
final class FfmpegLogBridge extends LogCallback {
  private static final Logger LOG = LoggerFactory.getLogger("ffmpeg");
  private static final ThreadLocal<ErrorTally> TALLY = ThreadLocal.withInitial(ErrorTally::new);
  private static volatile FfmpegLogBridge installed;

  /** Errors FFmpeg reported on this thread since {@link #startCounting()}. */
  static final class ErrorTally {
    int count;
    String first;
  }

  private FfmpegLogBridge() {}

  static void install() {
    if (installed != null) {
      return;
    }
    synchronized (FfmpegLogBridge.class) {
      if (installed == null) {
        FfmpegLogBridge bridge = new FfmpegLogBridge();
        avutil.av_log_set_level(avutil.AV_LOG_WARNING);
        avutil.setLogCallback(bridge);
        installed = bridge;
      }
    }
  }

  /** Starts a fresh tally for the current thread and returns it. */
  static ErrorTally startCounting() {
    ErrorTally tally = new ErrorTally();
    TALLY.set(tally);
    return tally;
  }

  /**
   * Error-level lines that say nothing about the audio: the Ogg demuxer reports "invalid pts" for a stream whose
   * first granule position is negative (some encoders write that), then carries on; the ffmpeg command prints the
   * same line and decodes the whole file.
   */
  static boolean benign(String line) {
    return line.contains("invalid pts");
  }

  /** Makes {@code tally} the current thread's again, after a nested open counted into a tally of its own. */
  static void continueCounting(ErrorTally tally) {
    TALLY.set(tally);
  }

  @Override
  public void call(int level, BytePointer message) {
    String line = message.getString().strip();
    if (line.isEmpty()) {
      return;
    }
    if (level <= avutil.AV_LOG_ERROR && !benign(line)) {
      ErrorTally tally = TALLY.get();
      if (tally.count++ == 0) {
        tally.first = line;
      }
      LOG.debug("error: {}", line);
    } else {
      LOG.trace("{}", line);
    }
  }
}
