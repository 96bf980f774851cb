package org.musetag.ui.player;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/** An {@link AudioOutput} on the default Java Sound line: 16-bit mono PCM, a quarter second of buffer. */
final class JavaSoundOutput implements AudioOutput {
  private final SourceDataLine line;
  private final int rate;
  private long flushedFrames;

  private JavaSoundOutput(SourceDataLine line, int rate) {
    this.line = line;
    this.rate = rate;
  }

  /** Opens the default output; throws when the machine has none or it is busy. */
  static JavaSoundOutput open(int rate) throws LineUnavailableException {
    AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
    try {
      SourceDataLine line = AudioSystem.getSourceDataLine(format);
      line.open(format, rate / 4 * 2);
      line.start();
      return new JavaSoundOutput(line, rate);
    } catch (IllegalArgumentException | SecurityException e) {
      throw new LineUnavailableException(e.getMessage());
    }
  }

  @Override
  public int sampleRate() {
    return rate;
  }

  @Override
  public void write(float[] mono) throws InterruptedException {
    byte[] bytes = new byte[mono.length * 2];
    for (int i = 0; i < mono.length; i++) {
      int s = Math.round(Math.max(-1f, Math.min(1f, mono[i])) * 32767f);
      bytes[2 * i] = (byte) s;
      bytes[2 * i + 1] = (byte) (s >> 8);
    }
    int off = 0;
    while (off < bytes.length) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      off += line.write(bytes, off, bytes.length - off);
    }
  }

  @Override
  public long framesPlayed() {
    return line.getLongFramePosition() - flushedFrames;
  }

  @Override
  public void pause() {
    line.stop();
  }

  @Override
  public void resume() {
    line.start();
  }

  @Override
  public void flush() {
    line.flush();
  }

  @Override
  public void drain() {
    line.drain();
  }

  @Override
  public boolean silent() {
    return false;
  }

  @Override
  public void close() {
    line.close();
  }
}
