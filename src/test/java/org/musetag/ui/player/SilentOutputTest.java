package org.musetag.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Without a sound card, time still passes as if the samples were played: the player and spectrogram keep pace. */
class SilentOutputTest {
  @Test
  void keepsTimeLikeASoundCard() throws Exception {
    SilentOutput out = new SilentOutput(10_000);
    long t0 = System.nanoTime();
    out.write(new float[5_000]); // half a second
    double writeSeconds = (System.nanoTime() - t0) / 1e9;
    assertThat(writeSeconds).as("blocks until only the buffer is ahead").isGreaterThan(0.2);
    out.drain();
    assertThat(out.framesPlayed()).isEqualTo(5_000);
  }

  @Test
  void pauseStopsTheClockAndFlushDropsWhatWasNotHeard() throws Exception {
    SilentOutput out = new SilentOutput(10_000);
    out.write(new float[2_000]);
    out.pause();
    long paused = out.framesPlayed();
    Thread.sleep(100);
    assertThat(out.framesPlayed()).isEqualTo(paused);
    out.flush();
    out.resume();
    out.drain();
    assertThat(out.framesPlayed()).isEqualTo(paused);
  }
}
