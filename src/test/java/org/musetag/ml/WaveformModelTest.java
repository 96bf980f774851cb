package org.musetag.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.musetag.ml.WaveformTestModel.K;
import static org.musetag.ml.WaveformTestModel.S;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioDecoder;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.CountingDecoder;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.audio.FfmpegCommandLineParityTest;
import org.musetag.dsp.MelParameters;
import org.musetag.dsp.MelSpectrogram;

/**
 * A waveform model (the musetag-base 2.0.0 contract: raw 16 kHz PCM in, track-level outputs and extra tag outputs
 * out), played by the tiny real graph {@code waveform-test.onnx}. What it must answer is computed independently
 * from the PCM the ffmpeg command decodes, cut where {@link PatchPlan} says.
 */
class WaveformModelTest {
  private static final double TOLERANCE = 1e-4;
  private static final int RATE = 16000;

  @TempDir Path dir;

  @Test
  void readsTheWaveformContractFromTheMetadata() throws Exception {
    ModelMetadata meta = ModelMetadata.read(WaveformTestModel.copyTo(dir));

    assertThat(meta.frontEndKind()).contains(FrontEnd.WAVEFORM_16K);
    assertThat(meta.sampleRate()).isEqualTo(16000);
    assertThat(meta.windowSamples()).isEqualTo(S);
    assertThat(meta.windowsPerTrack()).isEqualTo(K);
    assertThat(meta.tagOutputs()).containsExactly("tags_msd", "tags_mtt", "audioset_music");
    assertThat(meta.labels("tags_msd"))
        .containsExactly("rock", "pop", "electronic", "jazz", "female vocalists");
    assertThat(meta.labels("audioset_music"))
        .containsExactly("Violin, fiddle", "Marimba, xylophone", "Drum kit");
  }

  @Test
  void theBundledModelHearsThePlanItsFrontEndNamesAndAnswersEveryTagItsMetadataLists()
      throws Exception {
    // longer than any model's window, so every one of the K planned windows is heard
    Path song = AudioFixtures.tone(dir, "song", Encoding.WAV, 440, 30.0);
    CountingDecoder counting = new CountingDecoder();
    try (BundledModel bundled =
            new BundledModel(new ModelFiles(dir.resolve("cache")), counting, DevicePreference.CPU);
        PatchPredictor predictor = bundled.model().newPredictor()) {
      ModelMetadata meta = bundled.metadata();
      if (meta.frontEndKind().orElseThrow() == FrontEnd.MEL_SPEC_V1) {
        // 1.x: five MelSpec v1 patches computed in Java, no tag outputs
        assertThat(meta.windowSamples()).isEqualTo(MelParameters.MODEL.patchSamples());
        assertThat(meta.windowsPerTrack()).isEqualTo(PatchPlan.PATCHES_PER_TRACK);
        assertThat(meta.tagOutputs()).isEmpty();
      } else {
        // 2.x: 16 kHz windows, and tags with their labels
        assertThat(meta.sampleRate()).isEqualTo(RATE);
        assertThat(meta.windowSamples()).isPositive();
        assertThat(meta.tagOutputs()).isNotEmpty();
      }

      Analysis a = bundled.classifier().classify(song, predictor);

      assertThat(counting.decodedWindows()).isEqualTo(meta.windowsPerTrack());
      assertThat(a.tags().keySet()).containsExactlyElementsOf(meta.tagOutputs());
      a.tags()
          .forEach(
              (name, scores) -> {
                assertThat(scores)
                    .as(name)
                    .extracting(LabelScore::label)
                    .containsExactlyInAnyOrderElementsOf(meta.labels(name));
                assertThat(scores).allMatch(s -> s.p() >= 0 && s.p() <= 1);
              });
    }
  }

  @Test
  void aToneAndNoiseGetWhatTheGraphMustAnswer() throws Exception {
    Path tone = AudioFixtures.tone(dir, "tone", Encoding.WAV, 440, 7.0);
    Path noise = noise(dir.resolve("noise.wav"), 7);

    Analysis heardTone = classify(tone, new FfmpegAudioDecoder());
    Analysis heardNoise = classify(noise, new FfmpegAudioDecoder());

    assertAnswers(heardTone, WaveformTestModel.of(plannedWindows(tone)));
    assertAnswers(heardNoise, WaveformTestModel.of(plannedWindows(noise)));
    // few zero crossings lean to the first genres (country: its RMS term adds), many to the last
    assertThat(heardTone.genres().get(0).label()).isEqualTo("country");
    assertThat(heardNoise.genres().get(0).label()).isEqualTo("rock");
    assertThat(heardTone.embedding()).hasSize(6);
  }

  @Test
  void theWindowsAreTheOnesThePlanNamesInItsOrder() throws Exception {
    // louder and higher as it goes: every window sounds different, so another plan or order answers
    // otherwise
    int n = 7 * Encoding.WAV.sampleRate;
    float[] rising = new float[n];
    double phase = 0;
    for (int i = 0; i < n; i++) {
      double t = i / (double) n;
      phase += 2 * Math.PI * (200 + 3000 * t * t) / Encoding.WAV.sampleRate;
      rising[i] = (float) ((0.05 + 0.6 * t * t) * Math.sin(phase));
    }
    Path file = AudioFixtures.write(dir.resolve("rising.wav"), Encoding.WAV, rising);
    float[] pcm = cliDecode(file);

    Analysis a = classify(file, new FfmpegAudioDecoder());

    assertThat(PatchPlan.starts(pcm.length, S, K)).containsExactly(13333L, 40000L, 66667L);
    assertAnswers(a, WaveformTestModel.of(windows(pcm, PatchPlan.starts(pcm.length, S, K))));
    double[] fromTheStart =
        WaveformTestModel.of(windows(pcm, List.of(0L, 32000L, 64000L))).embedding();
    double[] reversed =
        WaveformTestModel.of(windows(pcm, List.of(66667L, 40000L, 13333L))).embedding();
    assertThat(Math.abs(fromTheStart[0] - a.embedding()[0])).isGreaterThan(100 * TOLERANCE);
    assertThat(Math.abs(reversed[4] - a.embedding()[4])).isGreaterThan(100 * TOLERANCE);
  }

  @Test
  void aTrackShorterThanAWindowIsHeardFromTheStartKTimes() throws Exception {
    Path jingle = AudioFixtures.tone(dir, "jingle", Encoding.WAV, 440, 1.0);
    float[] padded = Arrays.copyOf(cliDecode(jingle), S);

    Analysis a = classify(jingle, new FfmpegAudioDecoder());

    assertAnswers(a, WaveformTestModel.of(new float[][] {padded, padded, padded}));
  }

  @Test
  void decodesTheFileOnceAndDrawsTheMelPictureFromThatPcm() throws Exception {
    Path tone = AudioFixtures.tone(dir, "tone", Encoding.MP3, 330, 9.0);
    CountingDecoder counting = new CountingDecoder();
    StageTimes times = new StageTimes();
    TrackClassifier.Heard heard;
    try (BundledModel model = waveformModel(counting);
        PatchPredictor predictor = model.model().newPredictor()) {
      TrackClassifier classifier = new TrackClassifier(counting, model.model(), times);
      heard = classifier.hear(tone, predictor);
      assertThat(counting.openings()).isEqualTo(1);
      float[][] windows = classifier.decodePatches(tone).pcm(); // the same decode again
      assertThat(windows).hasNumberOfRows(K);
      float[][] expected = new float[0][];
      for (float[] window : windows) {
        float[][] frames = MelSpectrogram.compute(window, MelParameters.MODEL);
        expected = concat(expected, frames);
      }
      assertThat(heard.mel()).hasDimensions(expected.length, expected[0].length);
      for (int f = 0; f < expected.length; f++) {
        assertThat(heard.mel()[f]).containsExactly(expected[f]);
      }
    }
    assertThat(times.decodeSeconds()).isPositive();
    assertThat(times.frontEndSeconds()).isPositive();
    assertThat(times.inferenceSeconds()).isPositive();
  }

  private static float[][] concat(float[][] a, float[][] b) {
    float[][] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private BundledModel waveformModel(AudioDecoder decoder) throws Exception {
    return new BundledModel(
        WaveformTestModel.copyTo(dir.resolve("model")), decoder, DevicePreference.CPU);
  }

  private Analysis classify(Path file, AudioDecoder decoder) throws Exception {
    try (BundledModel model = waveformModel(decoder);
        PatchPredictor predictor = model.model().newPredictor()) {
      return model.classifier().classify(file, predictor);
    }
  }

  private static void assertAnswers(Analysis a, WaveformTestModel.Expected e) {
    List<String> genres =
        List.of(
            "blues",
            "classical",
            "country",
            "disco",
            "electronic",
            "folk",
            "hiphop",
            "jazz",
            "latin",
            "metal",
            "pop",
            "reggae",
            "rnb",
            "rock");
    for (LabelScore g : a.genres()) {
      assertThat(g.p())
          .as(g.label())
          .isCloseTo(e.genre()[genres.indexOf(g.label())], within(TOLERANCE));
    }
    for (int q = 0; q < 4; q++) {
      assertThat(a.quadrants().get("Q" + (q + 1))).isCloseTo(e.quadrant()[q], within(TOLERANCE));
    }
    assertThat(a.valence()).isCloseTo(e.va()[0], within(TOLERANCE));
    assertThat(a.arousal()).isCloseTo(e.va()[1], within(TOLERANCE));
    assertThat(a.embedding()).hasSize(e.embedding().length);
    for (int i = 0; i < e.embedding().length; i++) {
      assertThat((double) a.embedding()[i])
          .as("embedding " + i)
          .isCloseTo(e.embedding()[i], within(TOLERANCE));
    }
    assertThat(a.tags().keySet()).containsExactly("tags_msd", "tags_mtt", "audioset_music");
    Map<String, List<String>> labels =
        Map.of(
            "tags_msd", List.of("rock", "pop", "electronic", "jazz", "female vocalists"),
            "tags_mtt", List.of("guitar", "techno", "quiet", "loud", "piano", "drums", "vocal"),
            "audioset_music", List.of("Violin, fiddle", "Marimba, xylophone", "Drum kit"));
    a.tags()
        .forEach(
            (name, scores) -> {
              assertThat(scores).hasSize(labels.get(name).size());
              assertThat(scores).isSortedAccordingTo((x, y) -> Double.compare(y.p(), x.p()));
              for (LabelScore s : scores) {
                assertThat(s.p())
                    .as(name + " " + s.label())
                    .isCloseTo(
                        e.tags().get(name)[labels.get(name).indexOf(s.label())], within(TOLERANCE));
              }
            });
  }

  /** The windows of {@code file} as PatchPlan places them, from the ffmpeg command's decode. */
  private static float[][] plannedWindows(Path file) throws Exception {
    float[] pcm = cliDecode(file);
    return windows(pcm, PatchPlan.starts(pcm.length, S, K));
  }

  private static float[][] windows(float[] pcm, List<Long> starts) {
    float[][] w = new float[starts.size()][];
    for (int i = 0; i < w.length; i++) {
      int from = Math.toIntExact(starts.get(i));
      w[i] = Arrays.copyOf(Arrays.copyOfRange(pcm, from, Math.min(pcm.length, from + S)), S);
    }
    return w;
  }

  /** The ffmpeg command's 16 kHz mono decode; the WAV fixtures last whole seconds, so it is exactly that long. */
  private static float[] cliDecode(Path file) throws Exception {
    assumeTrue(
        FfmpegCommandLineParityTest.ffmpegAvailable(), "the ffmpeg command is not installed");
    return FfmpegCommandLineParityTest.ffmpegDecode(file);
  }

  private static Path noise(Path file, int seconds) throws Exception {
    Random random = new Random(7);
    float[] x = new float[Encoding.WAV.sampleRate * seconds];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.2 * random.nextGaussian());
    }
    return AudioFixtures.write(file, Encoding.WAV, x);
  }
}
