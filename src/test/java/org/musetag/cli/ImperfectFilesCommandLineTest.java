package org.musetag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.ImperfectFiles;
import org.musetag.ml.BundledModel;
import org.musetag.ml.ModelFiles;
import org.musetag.ml.ModelMetadata;

/**
 * Files players play although they are not quite right (misnamed, cut short, a header claiming more than is there,
 * damaged tags) are listened to with the real bundled model, and {@code info} and {@code classify} say what is
 * wrong with them.
 */
class ImperfectFilesCommandLineTest {
  @TempDir Path home;

  private CommandLineRun run(String... args) {
    return CommandLineRun.in(home, args);
  }

  @Test
  void imperfectFilesAreClassifiedOnTheAudioThatIsThereAndSaySo() throws Exception {
    Path dir = Files.createDirectories(home.resolve("music"));
    Path claims =
        ImperfectFiles.claimingTwiceItsLength(
            AudioFixtures.tone(dir, "long", Encoding.FLAC, 220, 30.0));
    Path picture =
        ImperfectFiles.withDamagedPicture(
            AudioFixtures.tone(dir, "cover", Encoding.FLAC, 330, 12.0));
    Path bom =
        ImperfectFiles.withBadBomTitle(AudioFixtures.tone(dir, "bom", Encoding.MP3, 440, 12.0));
    Path book =
        ImperfectFiles.firstHalf(ImperfectFiles.audiobook(dir, "book", 30.0), "cut book.m4b");
    Path aac =
        ImperfectFiles.namedAs(AudioFixtures.tone(dir, "aac", Encoding.M4A_AAC, 550, 12.0), "mp3");

    CommandLineRun r =
        run(
            "classify",
            claims.toString(),
            picture.toString(),
            bom.toString(),
            book.toString(),
            aac.toString());

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    List<JsonObject> rows = r.json();
    // the bundled model's extra tag outputs (none in 1.x), printed without their "tags_" prefix
    List<String> tagOutputs =
        ModelMetadata.read(new ModelFiles(home.resolve("meta")).bundled(BundledModel.NAME))
            .tagOutputs()
            .stream()
            .map(t -> t.replaceFirst("^tags_", ""))
            .toList();
    assertThat(rows)
        .hasSize(5)
        .allSatisfy(
            row -> {
              assertThat(row.has("error")).as(row.toString()).isFalse();
              assertThat(row.getAsJsonArray("genres")).hasSize(14);
              if (tagOutputs.isEmpty()) {
                assertThat(row.has("tags")).as(row.toString()).isFalse();
              } else {
                assertThat(row.getAsJsonObject("tags").keySet())
                    .containsExactlyElementsOf(tagOutputs);
              }
            });
    assertThat(rows.get(0).get("notes").toString())
        .contains("60.0 s", "30.0 s", "analysed on the 30.0 s there");
    assertThat(rows.get(1).get("notes").toString()).contains("damaged tags", "picture");
    assertThat(rows.get(2).get("notes").toString()).contains("damaged tags", "BOM");
    assertThat(rows.get(3).get("notes").toString()).contains("is truncated", "analysed on the");
    assertThat(rows.get(4).get("notes").toString())
        .contains("is named .mp3 but its content is MP4");
  }

  @Test
  void aFileWhoseHeaderOverstatesItsLengthUndetectedIsHeardWhereItsAudioEnds() throws Exception {
    Path dir = Files.createDirectories(home.resolve("music"));
    Path mp3 =
        ImperfectFiles.mp3ClaimingTwiceItsLength(
            AudioFixtures.tone(dir, "long", Encoding.MP3, 220, 30.0));
    assertThat(run("info", mp3.toString()).json().get(0).get("duration_s").getAsDouble())
        .isGreaterThan(59.0);

    CommandLineRun r = run("classify", mp3.toString());

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.json().get(0).get("notes").toString())
        .contains("holds only 30.", "analysed on the 30.");
  }

  @Test
  void analyzeListensToACutFileAndSaysSo() throws Exception {
    Path dir = Files.createDirectories(home.resolve("music"));
    ImperfectFiles.firstHalf(
        AudioFixtures.tone(dir, "whole", Encoding.FLAC, 440, 30.0), "cut.flac");
    Files.delete(dir.resolve("whole.flac"));
    String db = home.resolve("lib.db").toString();
    assertThat(run("scan", dir.toString(), "--db", db).exit()).isZero();

    CommandLineRun r = run("analyze", "--db", db);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.json().get(0).get("analysed").getAsInt()).isEqualTo(1);
    assertThat(r.err()).contains("cut.flac: is truncated", "analysed on the");
  }

  @Test
  void infoReportsACutFileAsTruncatedWithTheDurationThatIsThere() throws Exception {
    Path dir = Files.createDirectories(home.resolve("music"));
    Path aiff =
        ImperfectFiles.firstHalf(
            AudioFixtures.tone(dir, "a", Encoding.AIFF, 440, 20.0), "cut.aiff");
    Path flac =
        ImperfectFiles.firstHalf(
            AudioFixtures.tone(dir, "f", Encoding.FLAC, 440, 20.0), "cut.flac");
    Path mp3 =
        ImperfectFiles.firstHalf(AudioFixtures.tone(dir, "m", Encoding.MP3, 440, 20.0), "cut.mp3");
    Path whole = AudioFixtures.tone(dir, "whole", Encoding.FLAC, 440, 20.0);

    CommandLineRun r =
        run("info", aiff.toString(), flac.toString(), mp3.toString(), whole.toString());

    assertThat(r.exit()).isEqualTo(1);
    List<JsonObject> rows = r.json();
    for (JsonObject row : rows.subList(0, 3)) {
      assertThat(row.get("error").getAsString())
          .as(row.toString())
          .startsWith("is truncated")
          .contains("20.0 s");
      assertThat(row.get("duration_s").getAsDouble()).as(row.toString()).isBetween(9.0, 10.5);
      assertThat(row.get("declared_duration_s").getAsDouble()).isCloseTo(20.0, within(0.1));
    }
    assertThat(rows.get(3).has("error")).isFalse();
    assertThat(rows.get(3).has("declared_duration_s")).isFalse();
    assertThat(rows.get(3).get("duration_s").getAsDouble()).isCloseTo(20.0, within(0.01));
  }

  @Test
  void infoReportsTheRealFormatOfAMisnamedFileAndDamagedTagsApart() throws Exception {
    Path dir = Files.createDirectories(home.resolve("music"));
    Path flac =
        ImperfectFiles.namedAs(AudioFixtures.tone(dir, "f", Encoding.FLAC, 440, 3.0), "mp3");
    Path bom =
        ImperfectFiles.withBadBomTitle(AudioFixtures.tone(dir, "bom", Encoding.MP3, 440, 3.0));

    CommandLineRun r = run("info", flac.toString(), bom.toString());

    assertThat(r.exit()).as(r.out()).isZero();
    List<JsonObject> rows = r.json();
    assertThat(rows.get(0).get("format").getAsString()).isEqualTo("flac");
    assertThat(rows.get(0).get("misnamed").getAsString())
        .isEqualTo("is named .mp3 but its content is FLAC");
    assertThat(rows.get(1).get("format").getAsString()).isEqualTo("mp3");
    assertThat(rows.get(1).get("tag_problem").getAsString()).contains("BOM");
    assertThat(rows.get(1).get("duration_s").getAsDouble()).isCloseTo(3.0, within(0.1));
  }
}
