package org.musetag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;

class ScanCommandTest {
  @TempDir Path dir;

  @Test
  void aMissingFolderExitsTwoNamingItAfterScanningTheOthers() throws Exception {
    Path music = Files.createDirectories(dir.resolve("Music"));
    AudioFixtures.tone(music, "one", Encoding.FLAC, 440, 1.0);
    Path missing = dir.resolve("Musik");

    CommandLineRun r =
        CommandLineRun.in(
            dir,
            "scan",
            missing.toString(),
            music.toString(),
            "--db",
            dir.resolve("l.db").toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("musetag: " + missing + ": does not exist\n");
    assertThat(r.json().get(0).get("added").getAsInt()).isEqualTo(1);
  }

  @Test
  void unreadableFilesAreNamedWithTheirReasonOnStderr() throws Exception {
    Path music = Files.createDirectories(dir.resolve("Music"));
    Files.writeString(music.resolve("broken.mp3"), "not audio");

    CommandLineRun r =
        CommandLineRun.in(dir, "scan", music.toString(), "--db", dir.resolve("l.db").toString());

    assertThat(r.exit()).isZero();
    assertThat(r.err())
        .containsPattern(
            "musetag: "
                + java.util.regex.Pattern.quote(music.resolve("broken.mp3").toString())
                + ": is not a recognised audio file.*\n");
  }

  @Test
  void aSymlinkedLibraryFolderIsScanned() throws Exception {
    Path real = Files.createDirectories(dir.resolve("disk/Music"));
    AudioFixtures.tone(real, "one", Encoding.FLAC, 440, 1.0);
    Path link = Files.createSymbolicLink(dir.resolve("Music"), real);

    CommandLineRun r =
        CommandLineRun.in(dir, "scan", link.toString(), "--db", dir.resolve("l.db").toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.json().get(0).get("added").getAsInt()).isEqualTo(1);
  }
}
