package org.musetag.audio;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real FFmpeg decoder, counting how many times a file is opened through it: each probe, decode, window decode
 * and {@link #open} is one opening. Tests use it to prove a use reads its file once.
 */
public final class CountingDecoder implements AudioDecoder {
  private final AudioDecoder real = new FfmpegAudioDecoder();
  private final AtomicInteger openings = new AtomicInteger();
  private final AtomicInteger decodedWindows = new AtomicInteger();

  /** How many times a file was opened so far. */
  public int openings() {
    return openings.get();
  }

  /** How many windows were decoded so far, over all openings. */
  public int decodedWindows() {
    return decodedWindows.get();
  }

  @Override
  public AudioInfo probe(Path file) throws AudioFileException {
    openings.incrementAndGet();
    return real.probe(file);
  }

  @Override
  public PcmBuffer decode(Path file, int sampleRate) throws AudioFileException {
    openings.incrementAndGet();
    return real.decode(file, sampleRate);
  }

  @Override
  public List<PcmBuffer> decodeWindows(Path file, int sampleRate, List<TimeWindow> windows)
      throws AudioFileException {
    openings.incrementAndGet();
    decodedWindows.addAndGet(windows.size());
    return real.decodeWindows(file, sampleRate, windows);
  }

  @Override
  public OpenAudio open(Path file) throws AudioFileException {
    openings.incrementAndGet();
    OpenAudio open = real.open(file);
    return new OpenAudio() {
      @Override
      public AudioInfo info() {
        return open.info();
      }

      @Override
      public List<PcmBuffer> decodeWindows(int sampleRate, List<TimeWindow> windows)
          throws AudioFileException {
        decodedWindows.addAndGet(windows.size());
        return open.decodeWindows(sampleRate, windows);
      }

      @Override
      public List<PcmBuffer> decodeWindowAt(TimeWindow window, int... sampleRates)
          throws AudioFileException {
        decodedWindows.incrementAndGet();
        return open.decodeWindowAt(window, sampleRates);
      }

      @Override
      public void close() {
        open.close();
      }
    };
  }
}
