package org.musetag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.app.Services;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;

/**
 * The one model service of a process: classify, analyze and train run one after the other on the same services (as
 * one Musetag process would) open the bundled model's ONNX Runtime session once, counted by the service itself.
 */
class ModelLoadedOnceTest {
  @TempDir Path home;

  @Test
  void classifyAnalyzeAndTrainInOneProcessOpenTheModelOnce() throws Exception {
    Path music = Files.createDirectories(home.resolve("music"));
    Path song = AudioFixtures.tone(music, "song", Encoding.WAV, 440, 3.0);
    Path folders = home.resolve("labels");
    for (String label : new String[] {"low", "high"}) {
      Files.createDirectories(folders.resolve(label));
      for (int i = 0; i < 3; i++) {
        AudioFixtures.tone(
            folders.resolve(label),
            label + i,
            Encoding.WAV,
            label.equals("low") ? 110 + 20 * i : 2000 + 500 * i,
            3.0);
      }
    }
    String db = home.resolve("library.db").toString();
    try (Services services = CommandLineRun.services(home)) {
      assertThat(services.model().sessionsOpened()).isZero();

      CommandLineRun classify =
          CommandLineRun.in(services, "classify", "--device", "cpu", song.toString());
      assertThat(classify.exit()).as(classify.err()).isZero();
      assertThat(CommandLineRun.in(services, "scan", music.toString(), "--db", db).exit()).isZero();
      CommandLineRun analyze =
          CommandLineRun.in(services, "analyze", "--device", "cpu", "--db", db);
      assertThat(analyze.json().get(0).get("analysed").getAsInt()).as(analyze.err()).isEqualTo(1);
      CommandLineRun train =
          CommandLineRun.in(
              services,
              "train",
              "--device",
              "cpu",
              "--db",
              db,
              "--folders",
              folders.toString(),
              "--name",
              "tones",
              "--threads",
              "2");
      assertThat(train.exit()).as(train.err()).isZero();
      assertThat(train.out()).contains("(0 from the cache, 6 new)");

      assertThat(services.model().sessionsOpened()).isEqualTo(1);
    }
  }

  @Test
  void anotherDeviceOpensTheModelAgainAndTheSameDeviceDoesNot() throws Exception {
    Path song = AudioFixtures.tone(home, "song", Encoding.WAV, 440, 3.0);
    try (Services services = CommandLineRun.services(home)) {
      CommandLineRun.in(services, "classify", "--device", "cpu", song.toString());
      CommandLineRun.in(services, "classify", "--device", "cpu", song.toString());
      assertThat(services.model().sessionsOpened()).isEqualTo(1);

      CommandLineRun auto =
          CommandLineRun.in(services, "classify", "--device", "auto", song.toString());
      assertThat(auto.exit()).as(auto.err()).isZero();
      assertThat(services.model().sessionsOpened()).isEqualTo(2);
    }
  }
}
