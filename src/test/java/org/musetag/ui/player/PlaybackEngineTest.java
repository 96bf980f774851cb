package org.musetag.ui.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.CountingDecoder;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.dsp.LiveFeatures;
import org.musetag.ui.task.DirectContext;
import org.musetag.ui.task.TaskContext;

/** Plays a generated tone silently: position follows the clock, the spectrogram fills, TarsosDSP hears 440 Hz. */
class PlaybackEngineTest {
  @Test
  @Tag("timing")
  void playsSeeksAndFinishes(@TempDir Path dir) throws Exception {
    Path tone = AudioFixtures.tone(dir, "a440", Encoding.FLAC, 440, 2.5);
    SpectrogramFeed feed = new SpectrogramFeed(1024);
    List<LiveFeatures.Reading> readings = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    PlaybackEngine engine =
        new PlaybackEngine(
            new FfmpegAudioDecoder(),
            tone,
            2.5,
            new AudioOutputs(true),
            feed,
            readings::add,
            notices::add);
    AtomicBoolean stop = new AtomicBoolean();
    Thread player =
        new Thread(
            () -> {
              try {
                engine.run(context(stop));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    player.setDaemon(true);
    player.start();
    try {
      checkPlayback(engine, feed, readings, notices);
    } finally {
      stop.set(true);
      player.join(2000);
    }
    assertThat(player.isAlive()).isFalse();
  }

  private static void checkPlayback(
      PlaybackEngine engine,
      SpectrogramFeed feed,
      List<LiveFeatures.Reading> readings,
      List<String> notices)
      throws InterruptedException {
    Thread.sleep(700);
    double position = engine.positionSeconds();
    assertThat(position).isBetween(0.3, 0.8);
    assertThat(feed.get(10)).hasSize(64);
    assertThat(notices).singleElement().asString().startsWith("No audio output");
    assertThat(readings).isNotEmpty();
    assertThat(readings.get(0).pitchHz()).isCloseTo(440f, within(5f));
    assertThat(readings.get(0).levelDb())
        .isCloseTo(-6.02, within(0.2)); // RMS 0.5 after the stereo downmix

    engine.seek(1.8);
    Thread.sleep(300);
    assertThat(engine.positionSeconds()).isBetween(1.8, 2.3);
    Thread.sleep(900);
    assertThat(engine.finished()).isTrue();
    assertThat(engine.positionSeconds()).isCloseTo(2.5, within(0.05));
  }

  @Test
  void aPlayOpensTheFileOnceAndDecodesEachChunkOnce(@TempDir Path dir) throws Exception {
    Path tone = AudioFixtures.tone(dir, "a440", Encoding.MP3, 440, 2.5);
    CountingDecoder counting = new CountingDecoder();
    PlaybackEngine engine =
        new PlaybackEngine(
            counting,
            tone,
            2.5,
            new AudioOutputs(true),
            new SpectrogramFeed(1024),
            r -> {},
            n -> {});
    AtomicBoolean stop = new AtomicBoolean();
    Thread player =
        new Thread(
            () -> {
              try {
                engine.run(context(stop));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    player.setDaemon(true);
    player.start();
    try {
      for (int i = 0; i < 100 && !engine.finished(); i++) {
        Thread.sleep(100);
      }
    } finally {
      stop.set(true);
      player.join(2000);
    }
    assertThat(engine.finished()).isTrue();
    assertThat(counting.openings()).isEqualTo(1);
    assertThat(counting.decodedWindows()).isEqualTo(2); // 0-2 s, 2-2.5 s
  }

  @Test
  void gainScalesAndClips() {
    float[] out = LiveFeatures.gain(new float[] {0.5f, -0.8f}, 0.5, 44_100);
    assertThat(out).containsExactly(0.25f, -0.4f);
  }

  static TaskContext context(AtomicBoolean stop) {
    return new DirectContext(stop::get);
  }
}
