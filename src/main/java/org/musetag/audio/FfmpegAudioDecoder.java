package org.musetag.audio;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AudioDecoder} on FFmpeg through JavaCV: the FFmpeg libraries ship inside the jar, so no system ffmpeg is
 * needed. Every FFmpeg failure becomes an {@link AudioFileException} naming the file; a file that decodes to less
 * audio than its container declares is reported as truncated rather than returned as if it were whole.
 */
public final class FfmpegAudioDecoder implements AudioDecoder {
  private static final Logger LOG = LoggerFactory.getLogger(FfmpegAudioDecoder.class);
  /** Whole-file decoding above this length would need gigabytes; such files are decoded in windows instead. */
  static final double MAX_WHOLE_DECODE_SECONDS = 4 * 3600;

  /** How far before a window's start to seek, so that FFmpeg never lands after it (covers codec pre-roll too). */
  static final long SEEK_MARGIN_MICROS = 500_000;

  public FfmpegAudioDecoder() {
    FfmpegLogBridge.install();
  }

  @Override
  public AudioInfo probe(Path file) throws AudioFileException {
    checkReadable(file);
    return FfmpegProbe.probe(file);
  }

  @Override
  public PcmBuffer decode(Path file, int sampleRate) throws AudioFileException {
    requirePositive(sampleRate);
    try (OpenFile open = OpenFile.open(file)) {
      double declared = open.declaredSeconds();
      if (declared > MAX_WHOLE_DECODE_SECONDS) {
        throw new AudioFileException(
            file, String.format(Locale.ROOT, "is %.1f hours long, too long to decode at once", declared / 3600));
      }
      int limit = (int) Math.min(Integer.MAX_VALUE - 8L, (long) (MAX_WHOLE_DECODE_SECONDS * sampleRate));
      SampleAccumulator acc = new SampleAccumulator((int) Math.max(0, declared * sampleRate) + sampleRate, limit);
      open.readFrom(0, sampleRate, acc);
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
    List<PcmBuffer> out = new ArrayList<>(windows.size());
    try (OpenFile open = OpenFile.open(file)) {
      double declared = open.declaredSeconds();
      for (TimeWindow w : windows) {
        int wanted = (int) Math.round(w.lengthSeconds() * sampleRate);
        SampleAccumulator acc = new SampleAccumulator(wanted, wanted);
        open.readFrom(w.startSeconds(), sampleRate, acc);
        open.checkNoErrors();
        double missing = (wanted - acc.size()) / (double) sampleRate;
        double shouldExist = Math.min(w.lengthSeconds(), declared - w.startSeconds());
        if (declared > 0 && missing > 0.5 && shouldExist - acc.size() / (double) sampleRate > 0.5) {
          throw new AudioFileException(
              file,
              String.format(
                  Locale.ROOT,
                  "is truncated or damaged: nothing could be decoded at %.1f s of the %.1f s it declares",
                  w.startSeconds() + acc.size() / (double) sampleRate,
                  declared));
        }
        out.add(new PcmBuffer(acc.toArray(), sampleRate));
      }
    }
    return out;
  }

  /**
   * How much shorter than declared a decode may be before the file counts as truncated or damaged. Containers that
   * store an exact sample count get a tight bound; for the rest (MP3 without a header, raw streams) FFmpeg
   * estimates the duration from the bit rate, so the bound is loose.
   */
  static double lengthTolerance(String format, double declaredSeconds) {
    boolean exact = switch (format) {
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

  /** One opened grabber; wraps every FFmpeg exception into the file's own error. */
  private static final class OpenFile implements AutoCloseable {
    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final FfmpegLogBridge.ErrorTally errors = FfmpegLogBridge.startCounting();
    private boolean consumed;

    private OpenFile(Path file, FFmpegFrameGrabber grabber) {
      this.file = file;
      this.grabber = grabber;
    }

    /** Opens the file for decoding at its own rate and channel count, as interleaved floats. */
    static OpenFile open(Path file) throws AudioFileException {
      checkReadable(file);
      FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
      g.setSampleMode(FrameGrabber.SampleMode.FLOAT);
      // Verify checksums where the codec has them (FLAC frames), so damage is reported rather than played.
      g.setAudioOption("err_detect", "crccheck");
      OpenFile open = new OpenFile(file, g);
      try {
        g.start();
      } catch (FrameGrabber.Exception | RuntimeException e) {
        open.close();
        LOG.debug("FFmpeg cannot open {}: {}", file, e.getMessage());
        throw new AudioFileException(file, "is not a recognised audio file", e);
      }
      if (!g.hasAudio() || g.getSampleRate() <= 0 || g.getAudioChannels() <= 0) {
        open.close();
        throw new AudioFileException(file, "contains no audio stream");
      }
      open.checkComplete();
      return open;
    }

    String format() {
      return formatName(grabber.getFormat());
    }

    double declaredSeconds() {
      long micros = grabber.getLengthInTime();
      return micros > 0 ? micros / 1e6 : 0;
    }

    /**
     * Decodes from {@code seconds}, downmixed and resampled, until {@code acc} is full or the file ends.
     *
     * <p>The result is a sample-exact slice of what a whole-file decode gives. Two things make that so: FFmpeg's seek
     * lands on a packet boundary (sometimes after the target), so it aims {@link #SEEK_MARGIN_MICROS} early and the
     * samples up to the start are dropped by the frames' own timestamps; and the resampler is started on a sample
     * that lies on the whole decode's output grid (see {@link ResampleGrid}), a little early so its filter has
     * settled, and its first outputs are dropped.
     */
    void readFrom(double seconds, int sampleRate, SampleAccumulator acc) throws AudioFileException {
      int nativeRate = grabber.getSampleRate();
      int channels = grabber.getAudioChannels();
      ResampleGrid.Start start = ResampleGrid.start(seconds, nativeRate, sampleRate);
      long nextIndex = positionBefore(start.nativeIndex(), nativeRate);
      consumed = true;
      try (MonoResampler resampler = new MonoResampler(nativeRate, channels, sampleRate, start.dropOutput())) {
        long primingMicros = nextIndex < 0 ? primingMicros() : 0;
        Frame frame;
        while (!acc.isFull() && (frame = grabber.grabSamples()) != null) {
          if (frame.samples == null || frame.samples.length == 0) {
            continue;
          }
          if (nextIndex < 0) {
            nextIndex = Math.round((frame.timestamp - primingMicros) * nativeRate / 1e6);
          }
          FloatBuffer samples = ((FloatBuffer) frame.samples[0]).duplicate();
          int frames = samples.remaining() / channels;
          int skip = (int) Math.max(0, Math.min(frames, start.nativeIndex() - nextIndex));
          nextIndex += frames;
          samples.position(samples.position() + skip * channels);
          resampler.convert(samples, acc);
        }
        if (!acc.isFull()) {
          resampler.flush(acc);
        }
      } catch (IOException | RuntimeException e) {
        throw new AudioFileException(file, "is damaged and cannot be decoded (" + firstLine(e) + ")", e);
      }
    }

    /**
     * Moves the stream to before {@code nativeIndex}. Returns the index of the next sample when it is known (the
     * stream is at its start), or -1 when it must be read from the next frame's timestamp (after a seek).
     */
    private long positionBefore(long nativeIndex, int nativeRate) throws AudioFileException {
      long micros = Math.round(nativeIndex * 1e6 / nativeRate) - SEEK_MARGIN_MICROS;
      try {
        if (micros <= 0) {
          // Near the start: decode from the beginning and count samples; no seek, no timestamp to trust.
          if (consumed) {
            grabber.restart();
          }
          return 0;
        }
        grabber.setTimestamp(micros, false);
        return -1;
      } catch (FrameGrabber.Exception | RuntimeException e) {
        throw new AudioFileException(file, "cannot seek to " + micros / 1e6 + " s (" + firstLine(e) + ")", e);
      }
    }

    /** After a seek, MP3 timestamps still count the encoder's priming samples; this shifts them back. */
    private long primingMicros() throws IOException {
      if (!"mp3".equals(grabber.getFormat())) {
        return 0;
      }
      return Math.round(Mp3Priming.samples(file) * 1e6 / grabber.getSampleRate());
    }

    /** Throws when FFmpeg reported errors so far: it skips damaged frames, which would return garbage as audio. */
    void checkNoErrors() throws AudioFileException {
      if (errors.count > 0) {
        throw new AudioFileException(
            file, "is damaged: FFmpeg reported " + errors.count + " error(s) while decoding (first: " + errors.first + ")");
      }
    }

    private void checkComplete() throws AudioFileException {
      String problem;
      try {
        problem = TruncationCheck.problem(file, grabber.getFormat());
      } catch (IOException e) {
        throw new AudioFileException(file, "cannot be read (" + e.getMessage() + ")", e);
      }
      if (problem != null) {
        close();
        throw new AudioFileException(file, problem);
      }
    }

    @Override
    public void close() {
      try {
        grabber.close();
      } catch (FrameGrabber.Exception | RuntimeException e) {
        // Closing a half-opened grabber can fail; the file is not modified, so there is nothing to recover.
        LOG.debug("closing {}: {}", file, e.toString());
      }
    }
  }

  private static void checkReadable(Path file) throws AudioFileException {
    if (!Files.exists(file)) {
      throw new AudioFileException(file, "does not exist");
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

  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
