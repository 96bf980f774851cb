package org.musetag.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.musetag.PathProblems;

/**
 * {@link AudioDecoder} on FFmpeg through JavaCV: the FFmpeg libraries ship inside the jar, so no system ffmpeg is
 * needed. Every FFmpeg failure becomes an {@link AudioFileException} naming the file; a file that decodes to less
 * audio than its container declares is reported as truncated rather than returned as if it were whole.
 */
public final class FfmpegAudioDecoder implements AudioDecoder {
  /** Whole-file decoding above this length would need gigabytes; such files are decoded in windows instead. */
  static final double MAX_WHOLE_DECODE_SECONDS = 4 * 3600;

  /** How far before a window's start to seek, so that FFmpeg never lands after it (covers codec pre-roll too). */
  static final long SEEK_MARGIN_MICROS = 500_000;

  /** Cheap: FFmpeg's native libraries load on the first probe or decode, not at start-up. */
  public FfmpegAudioDecoder() {}

  @Override
  public AudioInfo probe(Path file) throws AudioFileException {
    FfmpegLogBridge.install();
    checkReadable(file);
    return FfmpegProbe.probe(file);
  }

  @Override
  public PcmBuffer decode(Path file, int sampleRate) throws AudioFileException {
    requirePositive(sampleRate);
    try (DecodingSession open = DecodingSession.open(file)) {
      TruncationCheck.Extent extent = open.extent();
      if (!extent.complete()) {
        // The whole file was asked for and it is not all there; windows within the audio present
        // can still be had.
        throw AudioFileException.endsEarly(file, extent.problem(), extent.presentSeconds());
      }
      double declared = open.declaredSeconds();
      if (declared > MAX_WHOLE_DECODE_SECONDS) {
        throw new AudioFileException(
            file,
            String.format(
                Locale.ROOT, "is %.1f hours long, too long to decode at once", declared / 3600));
      }
      int limit =
          (int) Math.min(Integer.MAX_VALUE - 8L, (long) (MAX_WHOLE_DECODE_SECONDS * sampleRate));
      SampleAccumulator acc =
          new SampleAccumulator((int) Math.max(0, declared * sampleRate) + sampleRate, limit);
      open.readFrom(0, sampleRate, acc, false);
      open.checkNoErrors();
      if (acc.size() == 0) {
        throw new AudioFileException(file, "contains no decodable audio");
      }
      double decoded = acc.size() / (double) sampleRate;
      if (declared > 0 && decoded < declared - lengthTolerance(open.format(), declared)) {
        throw new AudioFileException(
            file,
            String.format(
                Locale.ROOT,
                "is truncated or damaged: only %.1f s of the %.1f s it declares could be decoded",
                decoded,
                declared));
      }
      return new PcmBuffer(acc.toArray(), sampleRate);
    }
  }

  @Override
  public List<PcmBuffer> decodeWindows(Path file, int sampleRate, List<TimeWindow> windows)
      throws AudioFileException {
    requirePositive(sampleRate);
    try (DecodingSession open = DecodingSession.open(file)) {
      return windows(open, file, sampleRate, windows);
    }
  }

  /** One FFmpeg session gives both the description and the windows: the file is opened once, not twice. */
  @Override
  public OpenAudio open(Path file) throws AudioFileException {
    DecodingSession session = DecodingSession.open(file);
    AudioInfo info;
    try {
      info = session.info();
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
    return new OpenAudio() {
      @Override
      public AudioInfo info() {
        return info;
      }

      @Override
      public List<PcmBuffer> decodeWindows(int sampleRate, List<TimeWindow> windows)
          throws AudioFileException {
        requirePositive(sampleRate);
        return windows(session, file, sampleRate, windows);
      }

      @Override
      public List<PcmBuffer> decodeWindowAt(TimeWindow window, int... sampleRates)
          throws AudioFileException {
        for (int rate : sampleRates) {
          requirePositive(rate);
        }
        return window(session, file, window, sampleRates);
      }

      @Override
      public void close() {
        session.close();
      }
    };
  }

  private static List<PcmBuffer> windows(
      DecodingSession open, Path file, int sampleRate, List<TimeWindow> windows)
      throws AudioFileException {
    List<PcmBuffer> out = new ArrayList<>(windows.size());
    for (TimeWindow w : windows) {
      out.add(window(open, file, w, new int[] {sampleRate}).get(0));
    }
    return out;
  }

  /** One window at each of {@code sampleRates}, from one decode of its native audio. */
  private static List<PcmBuffer> window(
      DecodingSession open, Path file, TimeWindow w, int[] sampleRates) throws AudioFileException {
    TruncationCheck.Extent extent = open.extent();
    double end = extent.complete() ? open.declaredSeconds() : extent.presentSeconds();
    if (!extent.complete() && w.startSeconds() >= end) {
      throw AudioFileException.endsEarly(
          file,
          String.format(
              Locale.ROOT, "%s, so there is nothing at %.1f s", extent.problem(), w.startSeconds()),
          end);
    }
    SampleAccumulator[] accs = accumulators(w, sampleRates);
    open.readFrom(w.startSeconds(), sampleRates, accs, true);
    open.checkNoErrors();
    if (anyShort(accs, w, end, sampleRates)) {
      // Some files seek badly (FFmpeg lands past the target or at the end): read from the start
      // instead.
      accs = accumulators(w, sampleRates);
      open.readFrom(w.startSeconds(), sampleRates, accs, false);
      open.checkNoErrors();
    }
    List<PcmBuffer> out = new ArrayList<>(sampleRates.length);
    for (int k = 0; k < accs.length; k++) {
      SampleAccumulator acc = accs[k];
      if (cameShort(acc, w, end, sampleRates[k])) {
        double got = acc.size() / (double) sampleRates[k];
        double at = open.positionSeconds();
        double stopped =
            got > 0 || Double.isNaN(at) ? w.startSeconds() + got : Math.min(w.startSeconds(), at);
        throw AudioFileException.endsEarly(
            file,
            String.format(
                Locale.ROOT,
                "is truncated or damaged: nothing could be decoded at %.1f s of the %.1f s it declares",
                w.startSeconds() + got,
                end),
            stopped);
      }
      out.add(new PcmBuffer(acc.toArray(), sampleRates[k]));
    }
    return out;
  }

  private static SampleAccumulator[] accumulators(TimeWindow w, int[] sampleRates) {
    SampleAccumulator[] accs = new SampleAccumulator[sampleRates.length];
    for (int k = 0; k < accs.length; k++) {
      int wanted = (int) Math.round(w.lengthSeconds() * sampleRates[k]);
      accs[k] = new SampleAccumulator(wanted, wanted);
    }
    return accs;
  }

  private static boolean anyShort(
      SampleAccumulator[] accs, TimeWindow w, double end, int[] sampleRates) {
    for (int k = 0; k < accs.length; k++) {
      if (cameShort(accs[k], w, end, sampleRates[k])) {
        return true;
      }
    }
    return false;
  }

  /** Whether a window holds clearly less audio than the file declares for that stretch. */
  private static boolean cameShort(
      SampleAccumulator acc, TimeWindow w, double declared, int sampleRate) {
    double got = acc.size() / (double) sampleRate;
    double shouldExist = Math.min(w.lengthSeconds(), declared - w.startSeconds());
    return declared > 0 && w.lengthSeconds() - got > 0.5 && shouldExist - got > 0.5;
  }

  /**
   * How much shorter than declared a decode may be before the file counts as truncated or damaged. Containers that
   * store an exact sample count get a tight bound; for the rest (MP3 without a header, raw streams) FFmpeg
   * estimates the duration from the bit rate, so the bound is loose.
   */
  static double lengthTolerance(String format, double declaredSeconds) {
    boolean exact =
        switch (format) {
          case "flac", "wav", "aiff", "ogg", "mp4" -> true;
          default -> false;
        };
    return exact ? 0.1 : Math.max(0.5, 0.02 * declaredSeconds);
  }

  private static void requirePositive(int sampleRate) {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
    }
  }

  /** FFmpeg names the MP4 family "mov,mp4,m4a,3gp,3g2,mj2"; people call it mp4. */
  static String formatName(String ffmpegFormat) {
    if (ffmpegFormat == null) {
      return "unknown";
    }
    return ffmpegFormat.startsWith("mov,") ? "mp4" : ffmpegFormat.split(",")[0];
  }

  static void checkReadable(Path file) throws AudioFileException {
    String missing = PathProblems.whyNotThere(file);
    if (missing != null) {
      throw new AudioFileException(file, missing);
    }
    if (Files.isDirectory(file)) {
      throw new AudioFileException(file, "is a folder, not a file");
    }
    if (!Files.isReadable(file)) {
      throw new AudioFileException(file, "cannot be read (permission denied)");
    }
    try {
      if (Files.size(file) == 0) {
        throw new AudioFileException(file, "is empty (0 bytes)");
      }
    } catch (IOException e) {
      throw new AudioFileException(file, "cannot be read (" + e.getMessage() + ")", e);
    }
  }

  static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
