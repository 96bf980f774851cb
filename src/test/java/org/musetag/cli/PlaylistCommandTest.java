package org.musetag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaylistCommandTest {
  @TempDir Path dir;

  @Test
  void aTitleWithLineBreaksAddsNoEntryToThePlaylist() throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    Path song = music.resolve("song.ogg");
    Process ffmpeg =
        new ProcessBuilder(
                "ffmpeg",
                "-nostdin",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=330:duration=5",
                "-metadata",
                "title=Song\nhttp://evil.example/x.mp3\n#EXTINF:1,x",
                "-c:a",
                "libvorbis",
                song.toString())
            .inheritIO()
            .start();
    assertThat(ffmpeg.waitFor()).isZero();
    String db = dir.resolve("lib.db").toString();
    assertThat(CommandLineRun.in(dir, "scan", music.toString(), "--db", db).exit()).isZero();
    assertThat(CommandLineRun.in(dir, "analyze", "--db", db).exit()).isZero();

    StringBuilder all = new StringBuilder();
    for (String q : List.of("Q1", "Q2", "Q3", "Q4")) {
      Path m3u = dir.resolve(q + ".m3u8");
      CommandLineRun r =
          CommandLineRun.in(dir, "playlist", "--db", db, "--quadrant", q, "--out", m3u.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      all.append(Files.readString(m3u));
      for (String line : Files.readAllLines(m3u)) {
        assertThat(line)
            .as("every line is the header, an #EXTINF or a library file")
            .matches(
                l -> l.equals("#EXTM3U") || l.startsWith("#EXTINF:") || l.equals(song.toString()));
      }
    }
    assertThat(all.toString())
        .as("the title is kept, on one line")
        .contains(",Song http://evil.example/x.mp3 #EXTINF:1,x\n");
  }

  @Test
  void aFolderOrAMissingFolderAsOutIsOneLineAndExitTwo() {
    String db = dir.resolve("lib.db").toString();
    CommandLineRun folder =
        CommandLineRun.in(dir, "playlist", "--db", db, "--quadrant", "Q1", "--out", dir.toString());
    assertThat(folder.exit()).isEqualTo(2);
    assertThat(folder.err())
        .isEqualTo("musetag: cannot write the playlist " + dir + ": it is a folder\n");

    Path missing = dir.resolve("nowhere/p.m3u8");
    CommandLineRun gone =
        CommandLineRun.in(
            dir, "playlist", "--db", db, "--quadrant", "Q1", "--out", missing.toString());
    assertThat(gone.exit()).isEqualTo(2);
    assertThat(gone.err())
        .isEqualTo(
            "musetag: cannot write the playlist "
                + missing
                + ": the folder "
                + missing.getParent()
                + " does not exist\n");
  }
}
