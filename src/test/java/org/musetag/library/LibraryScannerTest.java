package org.musetag.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.DriverManager;
import java.sql.ResultSet;
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

class LibraryScannerTest {
  @TempDir Path dir;
  private Path music;
  private Library library;
  private ExecutorService pool;

  @BeforeEach
  void setUp() throws Exception {
    music = Files.createDirectories(dir.resolve("Music"));
    library = Library.open(dir.resolve("db/library.db"));
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void tearDown() throws Exception {
    pool.shutdownNow();
    library.close();
  }

  private ScanReport scan() throws Exception {
    return new LibraryScanner(library, new FfmpegAudioDecoder(), pool)
        .scan(List.of(music), (d, t) -> {}, () -> false);
  }

  @Test
  void opensASqliteFileInWalModeAtTheLatestSchema() throws Exception {
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + library.file());
        ResultSet mode = c.createStatement().executeQuery("PRAGMA journal_mode");
        ResultSet version = c.createStatement().executeQuery("PRAGMA user_version")) {
      assertThat(mode.getString(1)).isEqualTo("wal");
      assertThat(version.getInt(1)).isEqualTo(Migrations.latest());
    }
  }

  @Test
  void indexesAudioRecordsUnreadableFilesAndIgnoresOthers() throws Exception {
    AudioFixtures.tone(music, "one", Encoding.FLAC, 440, 1.0);
    AudioFixtures.tone(
        Files.createDirectories(music.resolve("Björk – Homogenic")),
        "Jóga",
        Encoding.MP3,
        440,
        1.0);
    Files.writeString(music.resolve("broken.mp3"), "not audio");
    Files.writeString(music.resolve("cover.txt"), "ignored");

    ScanReport r = scan();

    assertThat(r.files()).isEqualTo(3);
    assertThat(r.added()).isEqualTo(2);
    assertThat(r.unreadable()).isEqualTo(1);
    Track broken = library.tracks().byPath(music.resolve("broken.mp3").toAbsolutePath());
    assertThat(broken.status()).isEqualTo(Track.UNREADABLE);
    assertThat(broken.problem()).contains("not a recognised audio file");
    Track joga =
        library.tracks().byPath(music.resolve("Björk – Homogenic/Jóga.mp3").toAbsolutePath());
    assertThat(joga.format()).isEqualTo("mp3");
    assertThat(joga.title()).isEqualTo("Fixture MP3");
    assertThat(joga.durationSeconds()).isBetween(0.95, 1.1);
  }

  @Test
  void aSecondScanSkipsUnchangedFilesAndRereadsChangedOnes() throws Exception {
    Path a = AudioFixtures.tone(music, "a", Encoding.OGG_VORBIS, 440, 1.0);
    AudioFixtures.tone(music, "b", Encoding.OGG_VORBIS, 440, 1.0);
    scan();
    Files.setLastModifiedTime(
        a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 5000));

    ScanReport r = scan();

    assertThat(r.unchanged()).isEqualTo(1);
    assertThat(r.updated()).isEqualTo(1);
    assertThat(r.added()).isZero();
  }

  @Test
  void noticesDeletedAndMovedFiles() throws Exception {
    Path a = AudioFixtures.tone(music, "a", Encoding.WAV, 440, 1.0);
    Path b = AudioFixtures.tone(music, "b", Encoding.WAV, 880, 2.0);
    scan();
    long idOfB = library.tracks().byPath(b.toAbsolutePath()).id();
    Files.delete(a);
    Path moved =
        Files.move(b, Files.createDirectories(music.resolve("sub")).resolve("b renamed.wav"));

    ScanReport r = scan();

    assertThat(r.missing()).isEqualTo(2);
    assertThat(r.moved()).isEqualTo(1);
    assertThat(library.tracks().byPath(a.toAbsolutePath()).status()).isEqualTo(Track.MISSING);
    Track after = library.tracks().byPath(moved.toAbsolutePath());
    assertThat(after.id()).isEqualTo(idOfB);
    assertThat(after.status()).isEqualTo(Track.OK);
  }

  @Test
  void searchFindsTagsAndFileNamesByPrefixAndIgnoresFtsSyntax() throws Exception {
    AudioFixtures.tone(music, "Sunrise over Lisbon", Encoding.FLAC, 440, 1.0);
    scan();

    assertThat(library.tracks().search("fixt", 10)).hasSize(1);
    assertThat(library.tracks().search("lisbon", 10)).hasSize(1);
    assertThat(library.tracks().search("\"fixture\" (flac*", 10)).hasSize(1);
    assertThat(library.tracks().search("nothing-like-this", 10)).isEmpty();
  }

  @Test
  void aMissingFileThatComesBackIsPresentAgain() throws Exception {
    Path a = AudioFixtures.tone(music, "a", Encoding.FLAC, 440, 1.0);
    scan();
    Path away = Files.move(a, dir.resolve("a.flac"));
    scan();
    Files.move(away, a);

    scan();

    assertThat(library.tracks().byPath(a.toAbsolutePath()).status()).isEqualTo(Track.OK);
  }
}
