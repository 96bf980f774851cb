package org.musetag.audio;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file opened for decoding with FFmpeg: reads it whole or from any point, downmixed and resampled exactly like
 * the ffmpeg command (docs/decisions/0003). Wraps every FFmpeg exception into the file's own
 * {@link AudioFileException}. Not thread-safe; one per call.
 */
final class DecodingSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DecodingSession.class);
  static final long SEEK_MARGIN_MICROS = FfmpegAudioDecoder.SEEK_MARGIN_MICROS;

  private final Path file;
  private final FFmpegFrameGrabber grabber;
  private final FfmpegLogBridge.ErrorTally errors = FfmpegLogBridge.startCounting();

  /** Index (at the file's own rate) of the next sample the grabber will deliver; -1 when unknown (after a seek). */
  private long position;

  private TruncationCheck.Extent extent;

  /** The errors met reading the container's header alone (damaged tags), apart from the audio's. */
  private int headerErrors;

  private String firstHeaderError;

  /** Within this distance ahead, reading forward is cheaper and surer than seeking. */
  static final long FORWARD_READ_MICROS = 10_000_000;

  /** Targets this close to the start are reached by reading from the start, never by seeking. */
  static final long READ_FROM_START_MICROS = 20_000_000;

  private DecodingSession(Path file, FFmpegFrameGrabber grabber) {
    this.file = file;
    this.grabber = grabber;
  }

  /**
   * Opens the file for decoding at its own rate and channel count, as interleaved floats: as the container its
   * signature or name says (see {@link ContainerSniffer}), or, if that holds no audio, as FFmpeg recognises it.
   */
  static DecodingSession open(Path file) throws AudioFileException {
    FfmpegLogBridge.install();
    FfmpegAudioDecoder.checkReadable(file);
    String chosen;
    try {
      chosen = ContainerSniffer.choose(file);
    } catch (IOException e) {
      throw new AudioFileException(file, "cannot be read (" + e.getMessage() + ")", e);
    }
    DecodingSession open;
    String demuxer = chosen;
    try {
      open = start(file, chosen);
    } catch (AudioFileException e) {
      if (chosen == null) {
        throw e;
      }
      demuxer = null;
      open = start(file, null);
    }
    open.forgetHeaderErrors(demuxer);
    open.measure();
    return open;
  }

  /**
   * Errors met while reading the container's header are damage to the tags or pictures there, not to the audio
   * (the probe reports them apart): they are taken off the tally. Opening also decodes the first packets, whose
   * errors are kept. The header alone is read again only when there were errors, so a sound file pays nothing.
   */
  private void forgetHeaderErrors(String demuxer) {
    if (errors.count == 0) {
      return;
    }
    FfmpegLogBridge.ErrorTally headerTally = FfmpegProbe.headerErrors(file, demuxer);
    FfmpegLogBridge.continueCounting(errors);
    int header = headerTally.count;
    headerErrors = header;
    firstHeaderError = headerTally.first;
    if (header >= errors.count) {
      errors.count = 0;
      errors.first = null;
    } else {
      errors.count -= header;
    }
  }

  private static DecodingSession start(Path file, String demuxer) throws AudioFileException {
    FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
    if (demuxer != null) {
      g.setFormat(demuxer);
    }
    g.setSampleMode(FrameGrabber.SampleMode.FLOAT);
    // Verify checksums where the codec has them (FLAC frames), so damage is reported rather than
    // played.
    g.setAudioOption("err_detect", "crccheck");
    DecodingSession open = new DecodingSession(file, g);
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
    return open;
  }

  String format() {
    return FfmpegAudioDecoder.formatName(grabber.getFormat());
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
  void readFrom(double seconds, int sampleRate, SampleAccumulator acc, boolean maySeek)
      throws AudioFileException {
    readFrom(seconds, new int[] {sampleRate}, new SampleAccumulator[] {acc}, maySeek);
  }

  /**
   * As {@link #readFrom(double, int, SampleAccumulator, boolean)} at several rates at once: the native audio is
   * decoded once and fed to one resampler per rate (the player wants 44.1 kHz to hear and 16 kHz for the mel).
   * Each output is the same as a read at that rate alone.
   */
  void readFrom(double seconds, int[] sampleRates, SampleAccumulator[] accs, boolean maySeek)
      throws AudioFileException {
    int nativeRate = grabber.getSampleRate();
    int channels = grabber.getAudioChannels();
    ResampleGrid.Start[] starts = new ResampleGrid.Start[sampleRates.length];
    long earliest = Long.MAX_VALUE;
    for (int k = 0; k < starts.length; k++) {
      starts[k] = ResampleGrid.start(seconds, nativeRate, sampleRates[k]);
      earliest = Math.min(earliest, starts[k].nativeIndex());
    }
    long nextIndex = positionBefore(earliest, nativeRate, maySeek);
    MonoResampler[] resamplers = new MonoResampler[sampleRates.length];
    try {
      for (int k = 0; k < resamplers.length; k++) {
        resamplers[k] =
            new MonoResampler(nativeRate, channels, sampleRates[k], starts[k].dropOutput());
      }
      long primingMicros = nextIndex < 0 ? primingMicros() : 0;
      Frame frame;
      while (!allFull(accs) && (frame = grabber.grabSamples()) != null) {
        if (frame.samples == null || frame.samples.length == 0) {
          continue;
        }
        if (nextIndex < 0) {
          nextIndex = Math.round((frame.timestamp - primingMicros) * nativeRate / 1e6);
        }
        FloatBuffer whole = (FloatBuffer) frame.samples[0];
        int frames = whole.remaining() / channels;
        for (int k = 0; k < resamplers.length; k++) {
          if (accs[k].isFull()) {
            continue;
          }
          FloatBuffer samples = whole.duplicate();
          int skip = (int) Math.max(0, Math.min(frames, starts[k].nativeIndex() - nextIndex));
          samples.position(samples.position() + skip * channels);
          resamplers[k].convert(samples, accs[k]);
        }
        nextIndex += frames;
      }
      position = nextIndex;
      for (int k = 0; k < resamplers.length; k++) {
        if (!accs[k].isFull()) {
          resamplers[k].flush(accs[k]);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new AudioFileException(
          file, "is damaged and cannot be decoded (" + FfmpegAudioDecoder.firstLine(e) + ")", e);
    } finally {
      for (MonoResampler r : resamplers) {
        if (r != null) {
          r.close();
        }
      }
    }
  }

  private static boolean allFull(SampleAccumulator[] accs) {
    for (SampleAccumulator acc : accs) {
      if (!acc.isFull()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Moves the stream to before {@code nativeIndex}: reads on when the target is a little ahead, starts over when it
   * is near the start (or seeking is not allowed), seeks otherwise. Returns the index of the next sample when it is
   * known, or -1 when it must be read from the next frame's timestamp (after a seek).
   */
  private long positionBefore(long nativeIndex, int nativeRate, boolean maySeek)
      throws AudioFileException {
    long targetMicros = Math.round(nativeIndex * 1e6 / nativeRate);
    long micros = targetMicros - SEEK_MARGIN_MICROS;
    try {
      if (position >= 0
          && nativeIndex >= position
          && (nativeIndex - position) * 1e6 / nativeRate <= FORWARD_READ_MICROS) {
        return position;
      }
      if (!maySeek || targetMicros <= READ_FROM_START_MICROS) {
        // Decode from the beginning and count samples: no seek, no timestamp to trust.
        if (position != 0) {
          restart();
          position = 0;
        }
        return 0;
      }
      try {
        grabber.setTimestamp(micros, false);
        position = -1;
        return -1;
      } catch (FrameGrabber.Exception | RuntimeException e) {
        // A header that claims more audio than the file holds sends the seek past the end; players
        // then read on
        // from the start, and so does this (what lies beyond the real end comes back short, and is
        // reported so).
        LOG.debug(
            "cannot seek to {} s in {}, reading from the start: {}",
            micros / 1e6,
            file,
            e.getMessage());
        restart();
        position = 0;
        return 0;
      }
    } catch (FrameGrabber.Exception | RuntimeException e) {
      throw new AudioFileException(
          file,
          "cannot seek to " + micros / 1e6 + " s (" + FfmpegAudioDecoder.firstLine(e) + ")",
          e);
    }
  }

  /** Starts over from the beginning. FFmpeg reopens the file, so the header's errors (tags) are not counted again. */
  private void restart() throws FrameGrabber.Exception {
    int count = errors.count;
    String first = errors.first;
    grabber.restart();
    errors.count = count;
    errors.first = first;
  }

  /** Where the stream stands, in seconds from the start: after a read to the end, the length of what is there. */
  double positionSeconds() {
    return position >= 0 ? position / (double) grabber.getSampleRate() : Double.NaN;
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
          file,
          "is damaged: FFmpeg reported "
              + errors.count
              + " error(s) while decoding (first: "
              + errors.first
              + ")");
    }
  }

  private void measure() throws AudioFileException {
    try {
      AVFormatContext oc = grabber.getFormatContext();
      AVStream audio = oc.streams(grabber.getAudioStream());
      extent = FfmpegProbe.extent(file, grabber.getFormat(), audio, FfmpegProbe.seconds(oc, audio));
    } catch (IOException e) {
      close();
      throw new AudioFileException(file, "cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /**
   * What the file holds, as {@link FfmpegProbe} would describe it, read from this session's own opening: a use
   * that plans its decoding on the duration (classify) opens the file once, not once to probe and again to decode.
   */
  AudioInfo info() {
    AVFormatContext oc = grabber.getFormatContext();
    return FfmpegProbe.describe(
        file, oc, oc.streams(grabber.getAudioStream()), extent, headerErrors, firstHeaderError);
  }

  /** How much of the declared audio the file holds, and why it is incomplete when it is. */
  TruncationCheck.Extent extent() {
    return extent;
  }

  @Override
  public void close() {
    try {
      grabber.close();
    } catch (FrameGrabber.Exception | RuntimeException e) {
      // Closing a half-opened grabber can fail; the file is not modified, so there is nothing to
      // recover.
      LOG.debug("closing {}: {}", file, e.toString());
    }
  }
}
