package org.musetag.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.FfmpegAudioDecoder;

/** A scan follows links, says which folders it could not scan and names every file it could not read. */
class ScanReportsWhatItDidTest {
  @TempDir Path dir;
  private Library library;
  private ExecutorService pool;

  @BeforeEach
  void setUp() throws Exception {
    library = Library.open(dir.resolve("db/library.db"));
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void tearDown() throws Exception {
    pool.shutdownNow();
    library.close();
  }

  private ScanReport scan(Path... roots) throws Exception {
    return new LibraryScanner(library, new FfmpegAudioDecoder(), pool)
        .scan(List.of(roots), (d, t) -> {}, () -> false);
  }

  @Test
  void aSymlinkedLibraryFolderAndSymlinkedSubfoldersAreScanned() throws Exception {
    Path real = Files.createDirectories(dir.resolve("disk/Music"));
    AudioFixtures.tone(real, "one", Encoding.FLAC, 440, 1.0);
    Path elsewhere = Files.createDirectories(dir.resolve("disk2/Albums"));
    AudioFixtures.tone(elsewhere, "two", Encoding.OGG_VORBIS, 440, 1.0);
    Files.createSymbolicLink(real.resolve("More"), elsewhere);
    Path link = Files.createSymbolicLink(dir.resolve("Music"), real);

    ScanReport r = scan(link);

    assertThat(r.added()).isEqualTo(2);
    assertThat(r.problems()).isEmpty();
    assertThat(library.tracks().byPath(link.resolve("More/two.ogg"))).isNotNull();
  }

  @Test
  void aLoopOfLinksIsReportedOnceAndNotFollowed() throws Exception {
    Path music = Files.createDirectories(dir.resolve("Music"));
    AudioFixtures.tone(music, "one", Encoding.FLAC, 440, 1.0);
    Files.createSymbolicLink(music.resolve("again"), music);

    ScanReport r = scan(music);

    assertThat(r.added()).isEqualTo(1);
    assertThat(r.problems())
        .singleElement()
        .asString()
        .isEqualTo(
            music.resolve("again")
                + ": is a link back to a folder above it (a loop of symbolic links), not followed");
    assertThat(r.failedRoots()).isEmpty();
  }

  @Test
  void aMissingFolderIsAnErrorNamingItAndTheOthersAreStillScanned() throws Exception {
    Path music = Files.createDirectories(dir.resolve("Music"));
    AudioFixtures.tone(music, "one", Encoding.FLAC, 440, 1.0);
    Path missing = dir.resolve("Musik");

    ScanReport r = scan(missing, music);

    assertThat(r.failedRoots()).containsExactly(missing + ": does not exist");
    assertThat(r.added()).isEqualTo(1);
  }

  @Test
  void everyUnreadableFileIsNamedWithItsReason() throws Exception {
    Path music = Files.createDirectories(dir.resolve("Music"));
    Files.writeString(music.resolve("broken.mp3"), "not audio");
    Files.write(music.resolve("empty.flac"), new byte[0]);
    Files.createSymbolicLink(music.resolve("gone.ogg"), dir.resolve("nowhere.ogg"));

    ScanReport r = scan(music);

    assertThat(r.problems())
        .containsExactlyInAnyOrder(
            music.resolve("broken.mp3")
                + ": "
                + library.tracks().byPath(music.resolve("broken.mp3")).problem(),
            music.resolve("empty.flac")
                + ": "
                + library.tracks().byPath(music.resolve("empty.flac")).problem(),
            music.resolve("gone.ogg") + ": is a broken symbolic link");
    assertThat(r.problems()).allMatch(p -> !p.endsWith(": null"));
  }
}
