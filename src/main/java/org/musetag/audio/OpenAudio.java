package org.musetag.audio;

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

  @Override
  void close();
}
