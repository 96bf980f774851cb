package org.musetag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A path that cannot be opened says why, not "does not exist" for every reason. */
class PathMessagesTest {
  @TempDir Path dir;

  @Test
  void aLoopOfSymbolicLinksIsCalledOne() throws Exception {
    Path a = dir.resolve("a.mp3");
    Files.createSymbolicLink(a, dir.resolve("b.mp3"));
    Files.createSymbolicLink(dir.resolve("b.mp3"), a);

    CommandLineRun r = CommandLineRun.in(dir, "info", a.toString());

    assertThat(r.json().get(0).get("error").getAsString()).isEqualTo("is a loop of symbolic links");
  }

  @Test
  void aPathOf4353CharactersIsTooLongNotMissing() {
    StringBuilder p = new StringBuilder(dir.toString());
    while (p.length() < 4353 - 4) {
      p.append("/abc");
    }
    p.setLength(4353 - 4);
    p.append(".mp3");
    assertThat(p).hasSize(4353);

    CommandLineRun r = CommandLineRun.in(dir, "info", p.toString());

    assertThat(r.json().get(0).get("error").getAsString())
        .isEqualTo("its path is too long for the file system");
  }

  @Test
  void aTrackThatBecameALoopOfSymbolicLinksIsSkippedByTagSayingSo() throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    Path song =
        org.musetag.audio.AudioFixtures.tone(
            music, "song", org.musetag.audio.AudioFixtures.Encoding.FLAC, 440, 2.0);
    Path db = dir.resolve("lib.db");
    assertThat(CommandLineRun.in(dir, "scan", music.toString(), "--db", db.toString()).exit())
        .isZero();
    assertThat(CommandLineRun.in(dir, "analyze", "--db", db.toString()).exit()).isZero();
    Files.delete(song);
    Files.createSymbolicLink(song, music.resolve("other.flac"));
    Files.createSymbolicLink(music.resolve("other.flac"), song);

    CommandLineRun r =
        CommandLineRun.in(
            dir,
            "tag",
            "--db",
            db.toString(),
            "--dry-run",
            "--min-genre-p",
            "0",
            "--min-mood-confidence",
            "0");

    assertThat(r.out()).contains("skip " + song + ": is a loop of symbolic links");
  }

  @Test
  void aMissingFileStillSaysItDoesNotExist() {
    CommandLineRun r = CommandLineRun.in(dir, "info", dir.resolve("nothing.mp3").toString());

    assertThat(r.json().get(0).get("error").getAsString()).isEqualTo("does not exist");
  }
}
