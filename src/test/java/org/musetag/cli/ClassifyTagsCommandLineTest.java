package org.musetag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.app.Services;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.ml.WaveformTestModel;

/**
 * {@code classify} with a model that has extra tag outputs (the musetag-base 2.0.0 contract, played by the tiny
 * waveform test graph) prints them under {@code tags}: each output's five most likely labels.
 */
class ClassifyTagsCommandLineTest {
  @TempDir Path home;

  @Test
  void aModelWithTagOutputsPrintsTheirMostLikelyLabels() throws Exception {
    Path song = AudioFixtures.tone(home, "song", Encoding.FLAC, 440, 12.0);
    CommandLineRun r;
    try (Services services =
        CommandLineRun.services(home, WaveformTestModel.copyTo(home.resolve("model")))) {
      r = CommandLineRun.in(services, "classify", "--threads", "1", song.toString());
    }

    assertThat(r.exit()).as(r.err()).isZero();
    JsonObject row = r.json().get(0);
    assertThat(row.get("model").getAsString()).isEqualTo("waveform-test@2.0.0-test");
    JsonObject tags = row.getAsJsonObject("tags");
    assertThat(tags.keySet()).containsExactly("msd", "mtt", "audioset_music");
    assertThat(labels(tags.getAsJsonArray("msd")))
        .containsExactlyInAnyOrder("rock", "pop", "electronic", "jazz", "female vocalists");
    assertThat(labels(tags.getAsJsonArray("mtt"))).as("five of seven").hasSize(5);
    assertThat(labels(tags.getAsJsonArray("audioset_music")))
        .containsExactlyInAnyOrder("Violin, fiddle", "Marimba, xylophone", "Drum kit");
    JsonArray msd = tags.getAsJsonArray("msd");
    for (int i = 1; i < msd.size(); i++) {
      assertThat(msd.get(i).getAsJsonObject().get("p").getAsDouble())
          .isLessThanOrEqualTo(msd.get(i - 1).getAsJsonObject().get("p").getAsDouble());
    }
  }

  private static List<String> labels(JsonArray scores) {
    return StreamSupport.stream(scores.spliterator(), false)
        .map(s -> s.getAsJsonObject().get("label").getAsString())
        .toList();
  }
}
