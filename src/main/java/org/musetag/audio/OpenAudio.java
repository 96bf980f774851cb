package org.musetag.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * One file opened once for one use: what it holds and its audio, both read through the same opening, so a caller
 * that needs the duration to plan its windows does not open the file a second time to decode them. Not
 * thread-safe; closed by whoever opened it.
 */
public interface OpenAudio extends AutoCloseable {

  /** What {@link AudioDecoder#probe} would say about the file. */
  AudioInfo info();

  /** As {@link AudioDecoder#decodeWindows}, on this opening; may be called again after it threw. */
  List<PcmBuffer> decodeWindows(int sampleRate, List<TimeWindow> windows) throws AudioFileException;

  /**
   * One window at each of {@code sampleRates}, each as {@link #decodeWindows} at that rate gives it. This default
   * decodes the window once per rate; {@link FfmpegAudioDecoder} decodes it once and resamples it for each.
   */
  default List<PcmBuffer> decodeWindowAt(TimeWindow window, int... sampleRates)
      throws AudioFileException {
    List<PcmBuffer> out = new ArrayList<>(sampleRates.length);
    for (int rate : sampleRates) {
      out.add(decodeWindows(rate, List.of(window)).get(0));
    }
    return out;
  }

  @Override
  void close();
}
