package org.musetag.ui.player;

/**
 * An {@link AudioOutput} that plays nothing but keeps time like a sound card with a quarter second of buffer, so
 * the player and its spectrogram work the same without an audio device (servers, CI, this build machine).
 */
final class SilentOutput implements AudioOutput {
  private static final double BUFFER_SECONDS = 0.25;

  private final int rate;
  private long written;
  private long playedAtMark;
  private long markNanos = System.nanoTime();
  private boolean paused;

  SilentOutput(int rate) {
    this.rate = rate;
  }

  @Override
  public int sampleRate() {
    return rate;
  }

  @Override
  public synchronized void write(float[] mono) throws InterruptedException {
    written += mono.length;
    long ahead;
    while ((ahead = written - played()) > BUFFER_SECONDS * rate) {
      long sleepMs = Math.max(1, (long) ((ahead - BUFFER_SECONDS * rate) * 1000 / rate));
      wait(Math.min(sleepMs, 50));
    }
  }

  private long played() {
    if (paused) {
      return playedAtMark;
    }
    long sinceMark = (long) ((System.nanoTime() - markNanos) / 1e9 * rate);
    return Math.min(written, playedAtMark + sinceMark);
  }

  @Override
  public synchronized long framesPlayed() {
    return played();
  }

  @Override
  public synchronized void pause() {
    playedAtMark = played();
    paused = true;
  }

  @Override
  public synchronized void resume() {
    if (paused) {
      markNanos = System.nanoTime();
      paused = false;
    }
  }

  @Override
  public synchronized void flush() {
    playedAtMark = played();
    written = playedAtMark;
    markNanos = System.nanoTime();
    notifyAll();
  }

  @Override
  public synchronized void drain() throws InterruptedException {
    while (played() < written) {
      wait(10);
    }
  }

  @Override
  public boolean silent() {
    return true;
  }

  @Override
  public void close() {}
}
