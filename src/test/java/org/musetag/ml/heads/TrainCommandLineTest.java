package org.musetag.ml.heads;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.cli.CommandLineRun;
import org.musetag.ml.Analysis;
import org.musetag.ml.DevicePreference;
import org.musetag.ml.PatchModel;
import org.musetag.ml.PatchPredictor;
import org.musetag.ml.SharedSessions;
import org.musetag.ml.StageTimes;
import org.musetag.ml.TrackClassifier;

/**
 * {@code musetag train} and {@code musetag models} end to end on real audio files, the real bundled model, a real
 * library database and a registry in a temporary data folder; and the active heads' effect on a classification.
 */
class TrainCommandLineTest {
  @TempDir static Path shared;

  static Path folders;

  @TempDir Path home;

  @BeforeAll
  static void songs() throws Exception {
    folders = shared.resolve("folders");
    double[] low = {110, 130, 150};
    double[] high = {2000, 2500, 3000};
    for (int i = 0; i < 3; i++) {
      Files.createDirectories(folders.resolve("low"));
      Files.createDirectories(folders.resolve("high"));
      AudioFixtures.tone(folders.resolve("low"), "low" + i, Encoding.WAV, low[i], 4.0);
      AudioFixtures.tone(folders.resolve("high"), "high" + i, Encoding.WAV, high[i], 4.0);
    }
  }

  private CommandLineRun run(String... args) {
    return CommandLineRun.in(home, args);
  }

  private HeadRegistry registry() {
    return new HeadRegistry(home.resolve("models"));
  }

  @Test
  void trainsShowsCrossValidatedScoresAndASecondRunUsesTheCache() throws Exception {
    CommandLineRun first =
        run("train", "--folders", folders.toString(), "--name", "tones", "--threads", "2");

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out())
        .contains(
            "6 files, 6 usable, 2 labels",
            "label 'high' has only 3 example(s)",
            "(0 from the cache, 6 new)",
            "cross-validation: 5 folds",
            "accuracy",
            "confusion matrix",
            "registered tones version 1 (not active)");
    HeadCard card = HeadCard.read(home.resolve("models/tones/1"));
    assertThat(card.outputs()).containsExactlyInAnyOrder("low", "high");
    assertThat(card.tagField()).isEqualTo("TONES");
    assertThat(card.backbone()).startsWith("musetag-base@");
    assertThat(card.evaluation().classification().n()).isEqualTo(6);
    assertThat(card.data().counts()).containsEntry("low", 3).containsEntry("high", 3);
    assertThat(home.resolve("models/tones/1/card.md")).content().contains("Confusion matrix");

    CommandLineRun second =
        run("train", "--folders", folders.toString(), "--name", "tones", "--tag-field", "pitch");
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out()).contains("(6 from the cache, 0 new)", "registered tones version 2");
    assertThat(HeadCard.read(home.resolve("models/tones/2")).tagField()).isEqualTo("PITCH");

    List<JsonObject> listed = run("models", "list").json();
    assertThat(listed).extracting(j -> j.get("version").getAsInt()).containsExactly(1, 2);
    assertThat(listed.get(0).get("active").getAsBoolean()).isFalse();
    assertThat(listed.get(0).get("cv_accuracy").getAsDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void anActiveHeadChangesWhatClassifyReturnsAndRollbackRestoresItExactly() throws Exception {
    assertThat(run("train", "--folders", folders.toString(), "--name", "tones").exit()).isZero();
    StringBuilder csv = new StringBuilder("path,valence,arousal\n");
    for (int i = 0; i < 3; i++) {
      csv.append(folders.resolve("low/low" + i + ".wav"))
          .append(",-0.")
          .append(7 + i % 2)
          .append(",-0.6\n");
      csv.append(folders.resolve("high/high" + i + ".wav"))
          .append(",0.")
          .append(7 + i % 2)
          .append(",0.6\n");
    }
    Path ratings = Files.writeString(home.resolve("va.csv"), csv);
    assertThat(run("train", "--csv", ratings.toString(), "--name", "va").exit()).isZero();
    Path song = folders.resolve("high/high1.wav");

    try (PatchModel model = SharedSessions.bundled(home.resolve("cache"), DevicePreference.CPU);
        PatchPredictor predictor = model.newPredictor()) {
      Analysis plain =
          new TrackClassifier(new FfmpegAudioDecoder(), model, new StageTimes())
              .classify(song, predictor);
      HeadedAnalysis before = apply(model, plain);
      assertThat(before.analysis()).isSameAs(plain);
      assertThat(before.heads()).isEmpty();
      // both heads read the bundled model's embedding at its own width (128 in 1.x, fewer in 2.x)
      for (String head : List.of("tones", "va")) {
        assertThat(HeadCard.read(home.resolve("models/" + head + "/1")).training().features())
            .as(head)
            .isEqualTo(plain.embedding().length);
      }

      assertThat(run("models", "activate", "tones", "1").exit()).isZero();
      assertThat(run("models", "activate", "va", "1").exit()).isZero();
      HeadedAnalysis with = apply(model, plain);
      assertThat(with.heads()).containsOnlyKeys("tones", "va");
      assertThat(with.heads().get("tones").labels())
          .extracting(org.musetag.ml.LabelScore::label)
          .containsExactlyInAnyOrder("low", "high");
      assertThat(
              with.heads().get("tones").labels().stream()
                  .mapToDouble(org.musetag.ml.LabelScore::p)
                  .sum())
          .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
      assertThat(with.analysis().valence())
          .isEqualTo(with.heads().get("va").valence())
          .isNotEqualTo(plain.valence());
      assertThat(with.analysis().genres()).isEqualTo(plain.genres());

      assertThat(run("models", "rollback", "tones").out()).contains("no version is active");
      assertThat(run("models", "rollback", "va").exit()).isZero();
      HeadedAnalysis after = apply(model, plain);
      assertThat(after.analysis()).isSameAs(plain);
      assertThat(after.heads()).isEmpty();
    }
  }

  private HeadedAnalysis apply(PatchModel model, Analysis a) throws Exception {
    try (HeadSet heads = HeadSet.active(registry(), model.id(), notice -> {})) {
      return heads.apply(a);
    }
  }

  @Test
  void badInputGetsAClearMessageAndNothingInTheRegistry() throws Exception {
    Path empty = Files.createDirectories(home.resolve("empty"));
    Path oneClass = Files.createDirectories(home.resolve("one/dub"));
    Files.copy(folders.resolve("low/low0.wav"), oneClass.resolve("a.wav"));
    Path broken = home.resolve("broken");
    Files.createDirectories(broken.resolve("a"));
    Files.createDirectories(broken.resolve("b"));
    Files.writeString(broken.resolve("a/x.mp3"), "not music");
    Files.write(broken.resolve("b/y.wav"), new byte[0]);
    Path csv =
        Files.writeString(
            home.resolve("bad.csv"), "path,valence,arousal\nx.wav,happy,0.5\ny.wav,0.1,\n");

    CommandLineRun r1 = run("train", "--folders", empty.toString(), "--name", "x");
    CommandLineRun r2 = run("train", "--folders", home.resolve("one").toString(), "--name", "x");
    CommandLineRun r3 = run("train", "--folders", broken.toString(), "--name", "x");
    CommandLineRun r4 = run("train", "--csv", csv.toString(), "--name", "x");

    assertThat(r1.exit()).isEqualTo(2);
    assertThat(r1.err()).contains("musetag: " + empty + " has no label folders with audio files");
    assertThat(r2.exit()).isEqualTo(2);
    assertThat(r2.err()).contains("only one label ('dub')");
    assertThat(r3.exit()).isEqualTo(2);
    assertThat(r3.err()).contains("none of the 2 files", "x.mp3");
    assertThat(r4.exit()).isEqualTo(2);
    assertThat(r4.err())
        .contains("no usable line", "line 2: valence 'happy' is not a number", "line 3");
    assertThat(run("models", "list").out()).isEmpty();
    assertThat(registry().list()).isEmpty();
    if (Files.exists(home.resolve("models"))) {
      try (Stream<Path> s = Files.list(home.resolve("models"))) {
        assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> n.equals(".lock"));
      }
    }
  }

  @Test
  void unreadableFilesAreNamedWithTheReasonAndTheRestIsUsed() throws Exception {
    Path dir = home.resolve("mixed");
    for (String label : List.of("low", "high")) {
      Files.createDirectories(dir.resolve(label));
      try (Stream<Path> s = Files.list(folders.resolve(label))) {
        for (Path p : s.toList()) {
          Files.copy(p, dir.resolve(label).resolve(p.getFileName()));
        }
      }
    }
    Files.writeString(dir.resolve("high/cut.mp3"), "not music");

    CommandLineRun r = run("train", "--folders", dir.toString(), "--name", "mixed");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("7 files, 6 usable", dir.resolve("high/cut.mp3") + ": ", "; not used");
    assertThat(HeadCard.read(home.resolve("models/mixed/1")).data().unreadable())
        .containsKey(dir.resolve("high/cut.mp3").toString());
  }

  /** The card at {@code dir} as an earlier Musetag, whose bundled model was musetag-base@1.0.0, wrote it. */
  private static void trainedOnAnOlderModel(Path dir) throws Exception {
    HeadCard c = HeadCard.read(dir);
    new HeadCard(
            c.name(),
            c.version(),
            c.kind(),
            c.created(),
            c.musetagVersion(),
            "musetag-base@1.0.0",
            c.outputs(),
            c.tagField(),
            c.data(),
            c.training(),
            c.evaluation(),
            c.trainedFrom())
        .write(dir);
  }

  @Test
  void aHeadOfAnOlderModelIsListedAsNeedingRetrainingAndRetrainsFromTheFoldersItsCardKeeps()
      throws Exception {
    assertThat(
            run("train", "--folders", folders.toString(), "--name", "tones", "--activate").exit())
        .isZero();
    assertThat(HeadCard.read(home.resolve("models/tones/1")).trainedFrom())
        .isEqualTo(folders.toAbsolutePath().normalize().toString());
    trainedOnAnOlderModel(home.resolve("models/tones/1"));

    CommandLineRun listed = run("models", "list");
    assertThat(listed.json().get(0).get("status").getAsString())
        .isEqualTo("needs retraining (trained on musetag-base@1.0.0)");
    assertThat(listed.err()).contains("retrain it with \"musetag train --retrain tones\"");

    CommandLineRun again = run("train", "--retrain", "tones");

    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out())
        .contains(
            "retraining tones from " + folders + " (tones@1 was trained on musetag-base@1.0.0)",
            "registered tones version 2");
    HeadRegistry.Version v2 = registry().versions("tones").get(1);
    assertThat(v2.active()).as("active again, as version 1 was").isTrue();
    assertThat(v2.card().backbone()).isNotEqualTo("musetag-base@1.0.0").startsWith("musetag-base@");
    assertThat(v2.card().tagField()).isEqualTo("TONES");
    assertThat(run("models", "list").json().get(1).get("status").getAsString()).isEqualTo("usable");
  }

  @Test
  void retrainingAHeadWhoseFoldersAreGoneSaysWhichFolderAndChangesNothing() throws Exception {
    Path copy = home.resolve("moved-away");
    for (String label : List.of("low", "high")) {
      Files.createDirectories(copy.resolve(label));
      try (Stream<Path> s = Files.list(folders.resolve(label))) {
        for (Path p : s.toList()) {
          Files.copy(p, copy.resolve(label).resolve(p.getFileName()));
        }
      }
    }
    assertThat(run("train", "--folders", copy.toString(), "--name", "gone").exit()).isZero();
    trainedOnAnOlderModel(home.resolve("models/gone/1"));
    try (Stream<Path> s = Files.walk(copy)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }

    CommandLineRun r = run("train", "--retrain", "gone");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "musetag: gone@1 was trained from the label folder "
                + copy
                + ", which is gone; train it again with --folders DIR --name gone");
    assertThat(registry().versions("gone")).hasSize(1);
  }
}
