package org.musetag.audio;

import java.nio.file.Path;
import java.util.List;

/**
 * Turns an audio file into mono float PCM. The only door to codec libraries: the rest of Musetag sees
 * {@link AudioInfo} and {@link PcmBuffer}. Implementations are thread-safe; each call opens the file itself
 * (see {@link #open} for a use that needs several).
 */
public interface AudioDecoder {

  /** Reads the container: format, codec, rate, channels, duration and tags, without decoding the audio. */
  AudioInfo probe(Path file) throws AudioFileException;

  /** Decodes the whole file, downmixed to mono and resampled to {@code sampleRate}. */
  PcmBuffer decode(Path file, int sampleRate) throws AudioFileException;

  /**
   * Decodes only the given windows, seeking to each instead of decoding from the start. A window that runs past the
   * end of the track is cut short; one that starts past the end is empty.
   */
  List<PcmBuffer> decodeWindows(Path file, int sampleRate, List<TimeWindow> windows)
      throws AudioFileException;

  /**
   * Opens the file once for a use that needs both its description and its audio. This default probes and then
   * decodes through separate openings; {@link FfmpegAudioDecoder} reads both through one.
   */
  default OpenAudio open(Path file) throws AudioFileException {
    AudioInfo info = probe(file);
    AudioDecoder self = this;
    return new OpenAudio() {
      @Override
      public AudioInfo info() {
        return info;
      }

      @Override
      public List<PcmBuffer> decodeWindows(int sampleRate, List<TimeWindow> windows)
          throws AudioFileException {
        return self.decodeWindows(file, sampleRate, windows);
      }

      @Override
      public void close() {}
    };
  }

  default PcmBuffer decodeWindow(Path file, int sampleRate, TimeWindow window)
      throws AudioFileException {
    return decodeWindows(file, sampleRate, List.of(window)).get(0);
  }
}
