package org.musetag.ui.player;

/**
 * Where the player's samples go: a sound card, or a silent clock when there is none. Writes block about as long as
 * the samples take to play, which paces decoding; {@link #framesPlayed()} says how far the listener has got, which
 * keeps the spectrogram in step with the sound.
 */
public interface AudioOutput extends AutoCloseable {

  int sampleRate();

  /** Writes mono samples in [-1, 1]; blocks while the output's buffer is full. */
  void write(float[] mono) throws InterruptedException;

  /** Frames heard so far since this output was opened (a flush drops what was not heard). */
  long framesPlayed();

  void pause();

  void resume();

  /** Drops buffered samples not yet heard (a seek). */
  void flush();

  /** Waits until everything written has been heard. */
  void drain() throws InterruptedException;

  /** Whether this output is silent (no sound device). */
  boolean silent();

  @Override
  void close();
}
