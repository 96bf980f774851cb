package org.musetag.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFileException;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.CountingDecoder;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.audio.ImperfectFiles;

class TrackClassifierTest {
  @TempDir Path dir;

  @Test
  void classifiesAGeneratedSongIntoProbabilitiesThatAddUp() throws Exception {
    Path song = AudioFixtures.tone(dir, "song", Encoding.MP3, 220, 20.0);
    StageTimes times = new StageTimes();
    try (PatchModel model = SharedSessions.bundled(dir.resolve("models"), DevicePreference.CPU);
        PatchPredictor predictor = model.newPredictor()) {
      Analysis a =
          new TrackClassifier(new FfmpegAudioDecoder(), model, times).classify(song, predictor);

      assertThat(a.genres()).hasSize(14);
      assertThat(a.genres().stream().mapToDouble(LabelScore::p).sum()).isCloseTo(1.0, within(1e-4));
      assertThat(a.genres().get(0).p()).isGreaterThanOrEqualTo(a.genres().get(13).p());
      assertThat(a.quadrants().values().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(1.0, within(1e-4));
      assertThat(a.quadrant()).isIn("Q1", "Q2", "Q3", "Q4");
      assertThat(a.confidence()).isEqualTo(a.quadrants().get(a.quadrant()));
      assertThat(a.valence()).isBetween(-1.0, 1.0);
      assertThat(a.arousal()).isBetween(-1.0, 1.0);
      assertThat(a.embedding()).hasSize(BundledModels.embeddingWidth(dir.resolve("models")));
      assertThat(a.model()).startsWith("musetag-base@");
      assertThat(times.decodeSeconds()).isPositive();
      assertThat(times.inferenceSeconds()).isPositive();
    }
  }

  @Test
  void classifyingATrackOpensItsFileOnce() throws Exception {
    Path song = AudioFixtures.tone(dir, "song", Encoding.MP3, 220, 40.0);
    CountingDecoder counting = new CountingDecoder();
    try (PatchModel model = SharedSessions.bundled(dir.resolve("models"), DevicePreference.CPU);
        PatchPredictor predictor = model.newPredictor()) {
      new TrackClassifier(counting, model, new StageTimes()).classify(song, predictor);
    }
    assertThat(counting.openings()).isEqualTo(1);
  }

  @Test
  void aFileClaimingMoreThanItHoldsIsStillOpenedOnce() throws Exception {
    Path mp3 =
        ImperfectFiles.mp3ClaimingTwiceItsLength(
            AudioFixtures.tone(dir, "long", Encoding.MP3, 220, 30.0));
    CountingDecoder counting = new CountingDecoder();
    try (PatchModel model = SharedSessions.bundled(dir.resolve("models"), DevicePreference.CPU);
        PatchPredictor predictor = model.newPredictor()) {
      Analysis a = new TrackClassifier(counting, model, new StageTimes()).classify(mp3, predictor);
      assertThat(a.notes()).anyMatch(n -> n.contains("analysed on the"));
    }
    assertThat(counting.openings()).isEqualTo(1);
  }

  @Test
  void aShortSongIsPaddedAndStillClassified() throws Exception {
    Path song = AudioFixtures.tone(dir, "jingle", Encoding.WAV, 440, 1.0);
    try (PatchModel model = SharedSessions.bundled(dir.resolve("models"), DevicePreference.CPU);
        PatchPredictor predictor = model.newPredictor()) {
      assertThat(
              new TrackClassifier(new FfmpegAudioDecoder(), model, new StageTimes())
                  .classify(song, predictor)
                  .genres())
          .hasSize(14);
    }
  }

  @Test
  void aBadFileIsReportedByName() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.ogg"), "nope");
    try (PatchModel model = SharedSessions.bundled(dir.resolve("models"), DevicePreference.CPU);
        PatchPredictor predictor = model.newPredictor()) {
      TrackClassifier classifier =
          new TrackClassifier(new FfmpegAudioDecoder(), model, new StageTimes());
      assertThatThrownBy(() -> classifier.classify(bad, predictor))
          .isInstanceOf(AudioFileException.class)
          .hasMessageContaining(bad.toString());
    }
  }

  @Test
  void theCpuBuildRunsOnTheCpuAndSaysWhyWhenAGpuIsRequested() throws Exception {
    try (PatchModel auto = SharedSessions.bundled(dir.resolve("a"), DevicePreference.AUTO);
        PatchModel gpu = SharedSessions.bundled(dir.resolve("g"), DevicePreference.GPU)) {
      if (!auto.device().gpu()) {
        assertThat(auto.device().description()).isEqualTo("CPU");
        assertThat(gpu.device().notice()).contains("GPU requested");
      }
    }
  }

  @Test
  void aMissingModelIsAClearError() {
    assertThatThrownBy(() -> new ModelFiles(dir).bundled("no-such-model"))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("no-such-model");
  }
}
