package org.musetag.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.musetag.audio.AudioFixtures.Encoding;

class FfmpegAudioDecoderTest {
  private static final int RATE = 16000;
  private final AudioDecoder decoder = new FfmpegAudioDecoder();

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void probeReportsTheContainerAsWritten(Encoding enc) throws Exception {
    Path file = AudioFixtures.tone(dir, "tone", enc, 440, 3.0);

    AudioInfo info = decoder.probe(file);

    assertThat(info.channels()).isEqualTo(2);
    assertThat(info.sampleRate()).isEqualTo(enc.sampleRate);
    assertThat(info.durationSeconds()).isCloseTo(3.0, within(0.1));
    assertThat(info.codec()).isEqualTo(enc.codec);
    assertThat(info.tags()).containsValue("Fixture " + enc.name());
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aToneKeepsItsPitchLengthAndLevelThroughDecodeAndResample(Encoding enc) throws Exception {
    Path file = AudioFixtures.tone(dir, "tone", enc, 440, 3.0);

    PcmBuffer pcm = decoder.decode(file, RATE);

    assertThat(pcm.sampleRate()).isEqualTo(RATE);
    assertThat(pcm.durationSeconds()).isCloseTo(3.0, within(0.07));
    float[] x = pcm.samples();
    assertThat(Signals.toneFrequency(x, RATE, RATE / 2, RATE * 5 / 2))
        .isCloseTo(440.0, within(1.0));
    assertThat(Signals.rms(x, RATE / 2, RATE * 5 / 2)).isCloseTo(0.5, within(0.03));
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aWindowHoldsTheAudioOfThatStretchOnly(Encoding enc) throws Exception {
    Path file =
        AudioFixtures.write(dir.resolve("steps." + enc.extension), enc, steps(enc.sampleRate, 12));

    PcmBuffer window = decoder.decodeWindow(file, RATE, new TimeWindow(7.25, 0.5));

    assertThat(window.samples()).hasSize(RATE / 2);
    assertThat(Signals.toneFrequency(window.samples(), RATE, 400, RATE / 2 - 400))
        .isCloseTo(stepHz(7), within(2.0));
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void windowsAreSampleExactSlicesOfTheWholeDecode(Encoding enc) throws Exception {
    Path file =
        AudioFixtures.write(dir.resolve("noise." + enc.extension), enc, noise(enc.sampleRate, 30));
    float[] whole = decoder.decode(file, RATE).samples();

    // Near the start (read from the start), a little ahead (read on), far ahead and backwards
    // (seek: past DecodingSession.READ_FROM_START_MICROS), and back to the start.
    double[] starts = {0.0, 0.3, 2.5, 7.25, 21.3, 27.5, 23.05, 9.1};
    List<TimeWindow> windows = new java.util.ArrayList<>();
    for (double start : starts) {
      windows.add(new TimeWindow(start, 1));
    }
    List<PcmBuffer> decoded = decoder.decodeWindows(file, RATE, windows);
    for (int i = 0; i < starts.length; i++) {
      float[] window = decoded.get(i).samples();
      int at = (int) Math.round(starts[i] * RATE);
      assertThat(window).as("window at %s s", starts[i]).hasSize(RATE);
      assertThat(Signals.bestLag(whole, window, at, 2000)).as("lag at %s s", starts[i]).isZero();
      if (enc
          != Encoding
              .M4A_AAC) { // AAC after a seek is off by a fraction of an output sample (< 63 µs)
        assertThat(maxDifference(whole, at, window, 0))
            .as("difference at %s s", starts[i])
            .isLessThan(1e-4);
      }
    }
  }

  @Test
  void overlappingWindowsOfAShortTrackAllDecode() throws Exception {
    Path file = AudioFixtures.write(dir.resolve("short.ogg"), Encoding.OGG_VORBIS, noise(44100, 6));
    float[] whole = decoder.decode(file, RATE).samples();
    List<TimeWindow> windows =
        List.of(
            new TimeWindow(0.3, 3.024),
            new TimeWindow(0.89, 3.024),
            new TimeWindow(1.49, 3.024),
            new TimeWindow(2.08, 3.024),
            new TimeWindow(2.68, 3.024));

    List<PcmBuffer> decoded = decoder.decodeWindows(file, RATE, windows);

    for (int i = 0; i < windows.size(); i++) {
      int at = (int) Math.round(windows.get(i).startSeconds() * RATE);
      assertThat(decoded.get(i).samples()).hasSize(48384);
      assertThat(maxDifference(whole, at, decoded.get(i).samples(), 0)).isLessThan(1e-4);
    }
  }

  /** Largest sample difference, ignoring the first {@code settle} samples where the resampler's filter fills up. */
  static double maxDifference(float[] whole, int at, float[] part, int settle) {
    double max = 0;
    for (int i = settle; i < part.length && at + i < whole.length; i++) {
      max = Math.max(max, Math.abs(whole[at + i] - part[i]));
    }
    return max;
  }

  @Test
  void aWindowPastTheEndIsCutShortOrEmpty() throws Exception {
    Path file = AudioFixtures.tone(dir, "short", Encoding.WAV, 440, 2.0);

    List<PcmBuffer> windows =
        decoder.decodeWindows(file, RATE, List.of(new TimeWindow(1.5, 2), new TimeWindow(5, 1)));

    assertThat(windows.get(0).durationSeconds()).isCloseTo(0.5, within(0.02));
    assertThat(windows.get(1).samples()).isEmpty();
  }

  @Test
  void oddUnicodePathsDecode() throws Exception {
    Path sub = java.nio.file.Files.createDirectories(dir.resolve("Sigur Rós – Ágætis byrjun"));
    Path file = AudioFixtures.tone(sub, "夜の歌 🎵 naïve", Encoding.FLAC, 440, 1.0);

    assertThat(decoder.decode(file, RATE).durationSeconds()).isCloseTo(1.0, within(0.05));
    assertThat(decoder.probe(file).path()).isEqualTo(file);
  }

  /** One tone per second, rising 100 Hz a second from 300 Hz, so a window's content tells where it came from. */
  static float[] steps(int rate, int seconds) {
    float[] x = new float[rate * seconds];
    double phase = 0;
    for (int i = 0; i < x.length; i++) {
      phase += 2 * Math.PI * stepHz(i / rate) / rate;
      x[i] = (float) (0.5 * Math.sin(phase));
    }
    return x;
  }

  /** Seeded white noise: no two stretches look alike, so alignment has one right answer. */
  static float[] noise(int rate, int seconds) {
    java.util.Random random = new java.util.Random(42);
    float[] x = new float[rate * seconds];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.3 * random.nextGaussian());
    }
    return x;
  }

  static double stepHz(int second) {
    return 300 + 100 * second;
  }
}
