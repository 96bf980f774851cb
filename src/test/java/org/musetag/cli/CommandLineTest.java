package org.musetag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.app.Wiring;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import picocli.CommandLine;

class CommandLineTest {
  @TempDir Path dir;

  private record Result(int exit, String out, String err) {
    List<JsonObject> json() {
      return out.lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
    }
  }

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = MusetagCommand.commandLine(Wiring.create());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void versionAndHelpWork() {
    assertThat(run("--version").out()).startsWith("musetag ");
    Result help = run("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("info", "spectrogram");
  }

  @Test
  void infoPrintsOneJsonLinePerFileAndGoesOnPastBadOnes() throws Exception {
    Path good = AudioFixtures.tone(dir, "good", Encoding.FLAC, 440, 2.0);
    Path bad = Files.writeString(dir.resolve("bad.mp3"), "not music");
    Path alsoGood = AudioFixtures.tone(dir, "also good", Encoding.MP3, 440, 1.0);

    Result r = run("info", good.toString(), bad.toString(), alsoGood.toString());

    assertThat(r.exit()).isEqualTo(1);
    List<JsonObject> rows = r.json();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("format").getAsString()).isEqualTo("flac");
    assertThat(rows.get(0).get("codec").getAsString()).isEqualTo("flac");
    assertThat(rows.get(0).get("sample_rate").getAsInt()).isEqualTo(44100);
    assertThat(rows.get(0).get("channels").getAsInt()).isEqualTo(2);
    assertThat(rows.get(0).get("duration_s").getAsDouble()).isBetween(1.95, 2.05);
    assertThat(rows.get(0).getAsJsonObject("tags").toString()).contains("Fixture FLAC");
    assertThat(rows.get(1).get("path").getAsString()).isEqualTo(bad.toString());
    assertThat(rows.get(1).get("error").getAsString()).isNotBlank();
    assertThat(rows.get(2).get("codec").getAsString()).isEqualTo("mp3");
  }

  @Test
  void spectrogramWritesAReadablePngAndAFloat32Npy() throws Exception {
    Path song = AudioFixtures.tone(dir, "tone", Encoding.OGG_VORBIS, 1000, 4.0);
    Path png = dir.resolve("out.png");
    Path npy = dir.resolve("out.npy");

    Result r =
        run(
            "spectrogram",
            song.toString(),
            "--png",
            png.toString(),
            "--npy",
            npy.toString(),
            "--start",
            "1",
            "--length",
            "2");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(ImageIO.read(png.toFile()).getWidth()).isGreaterThan(100);
    byte[] bytes = Files.readAllBytes(npy);
    String header = new String(bytes, 0, 128, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(header)
        .startsWith("\u0093NUMPY")
        .contains("'descr': '<f4'")
        .contains("(" + r.json().get(0).get("frames").getAsInt() + ", 64)");
    assertThat(r.json().get(0).get("frames").getAsInt()).isEqualTo(1 + (32000 - 512) / 256);
  }

  @Test
  void spectrogramOfABadFileSaysWhyAndWritesNothing() throws Exception {
    Path bad = Files.write(dir.resolve("empty.flac"), new byte[0]);
    Path png = dir.resolve("never.png");

    Result r = run("spectrogram", bad.toString(), "--png", png.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.json().get(0).get("error").getAsString()).contains("empty");
    assertThat(png).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files.filter(f -> f.getFileName().toString().endsWith(".part"))).isEmpty();
    }
  }

  @Test
  void scanAnalyzeDryRunTagAndUndoFromTheCommandLine() throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    Path song = AudioFixtures.tone(music, "song", Encoding.FLAC, 330, 8.0);
    String db = dir.resolve("lib.db").toString();
    byte[] original = Files.readAllBytes(song);

    assertThat(run("scan", music.toString(), "--db", db).json().get(0).get("added").getAsInt())
        .isEqualTo(1);
    assertThat(run("analyze", "--db", db).json().get(0).get("analysed").getAsInt()).isEqualTo(1);
    Result dry =
        run("tag", "--db", db, "--dry-run", "--min-genre-p", "0", "--min-mood-confidence", "0");
    assertThat(dry.out())
        .contains(song.toString())
        .contains("genre: (empty) -> ")
        .contains("valence: (empty) -> ");
    assertThat(Files.readAllBytes(song)).isEqualTo(original);

    Result tag = run("tag", "--db", db, "--min-genre-p", "0", "--min-mood-confidence", "0");
    assertThat(tag.exit()).as(tag.err()).isZero();
    String batch =
        tag.out()
            .lines()
            .filter(l -> l.startsWith("batch "))
            .findFirst()
            .orElseThrow()
            .split(" ")[1]
            .replace(":", "");
    assertThat(Files.readAllBytes(song)).isNotEqualTo(original);
    assertThat(run("search", "--db", db, "song").json()).hasSize(1);

    Result undo = run("undo", "--db", db, batch);
    assertThat(undo.exit()).as(undo.err()).isZero();
    assertThat(undo.out()).contains("1 files restored");
    assertThat(run("undo", "--db", db).out()).contains(batch).contains("undone");
  }

  @Test
  void playlistWritesAnM3u8PlayersCanOpen() throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    AudioFixtures.tone(music, "a", Encoding.OGG_VORBIS, 330, 5.0);
    String db = dir.resolve("lib.db").toString();
    run("scan", music.toString(), "--db", db);
    run("analyze", "--db", db);
    Path m3u = dir.resolve("mood.m3u8");
    String quadrant = null;
    for (String q : List.of("Q1", "Q2", "Q3", "Q4")) {
      run("playlist", "--db", db, "--quadrant", q, "--out", m3u.toString());
      if (Files.readString(m3u).contains("a.ogg")) {
        quadrant = q;
      }
    }
    assertThat(quadrant).as("the track is in exactly one quadrant's playlist").isNotNull();
    run("playlist", "--db", db, "--quadrant", quadrant, "--out", m3u.toString());
    assertThat(Files.readAllLines(m3u)).first().isEqualTo("#EXTM3U");
    assertThat(Files.readString(m3u))
        .contains("#EXTINF:5,Musetag Tests – Fixture OGG_VORBIS")
        .contains(music.resolve("a.ogg").toString());
  }

  /** 30 s of noise bursts at 128 BPM, louder on the one, over A minor chords, at the fixture's rate. */
  private static float[] beatOverChords(int rate) {
    java.util.Random rnd = new java.util.Random(7);
    float[] x = new float[30 * rate];
    double period = 60.0 / 128 * rate;
    int[][] chords = {{0, 3, 7}, {5, 8, 12}, {7, 11, 14}, {0, 3, 7}};
    for (int i = 0; i < x.length; i++) {
      int[] chord = chords[(i / (2 * rate)) % 4];
      double t = (i % (2 * rate)) / (double) rate;
      for (int note : chord) {
        double f = 220 * Math.pow(2, note / 12.0);
        x[i] += (float) (0.08 * Math.exp(-t) * Math.sin(2 * Math.PI * f * i / rate));
      }
    }
    for (int beat = 0; beat * period < x.length; beat++) {
      int at = (int) Math.round(beat * period);
      double gain = beat % 4 == 0 ? 0.6 : 0.35;
      for (int i = 0; i < 400 && at + i < x.length; i++) {
        x[at + i] += (float) (gain * rnd.nextGaussian() * Math.exp(-i / 80.0));
      }
    }
    return x;
  }

  @Test
  void tagWritesTheTempoAndKeyHeardKeepsTheUsersOwnAndReplacesThemOnlyWhenAsked() throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    Path song =
        AudioFixtures.write(
            music.resolve("beat.flac"), Encoding.FLAC, beatOverChords(Encoding.FLAC.sampleRate));
    String db = dir.resolve("lib.db").toString();
    run("scan", music.toString(), "--db", db);
    run("analyze", "--db", db);

    Result dry = run("tag", "--db", db, "--dry-run", "--key-notation", "camelot");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("bpm: (empty) -> 128").contains("key: (empty) -> 8A");

    org.jaudiotagger.audio.AudioFile audio = org.jaudiotagger.audio.AudioFileIO.read(song.toFile());
    audio.getTagOrCreateAndSetDefault().setField(org.jaudiotagger.tag.FieldKey.BPM, "120");
    audio.commit();
    run("scan", music.toString(), "--db", db);
    run("analyze", "--db", db);
    assertThat(run("tag", "--db", db, "--dry-run").out()).doesNotContain("bpm:");
    assertThat(run("tag", "--db", db, "--dry-run", "--bpm-key-policy", "replace").out())
        .contains("bpm: 120 -> 128");
    Result merge = run("tag", "--db", db, "--dry-run", "--bpm-key-policy", "merge");
    assertThat(merge.exit()).isNotZero();
    assertThat(merge.err()).contains("fill-empty or replace");
  }
}
