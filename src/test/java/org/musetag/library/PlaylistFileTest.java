package org.musetag.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.library.PlaylistFile.Entry;

class PlaylistFileTest {
  @TempDir Path dir;

  @Test
  void controlCharactersInATitleCannotAddEntries() throws Exception {
    Path m3u = dir.resolve("p.m3u8");
    PlaylistFile.write(
        m3u,
        List.of(
            new Entry(
                Path.of("/m/a.ogg"),
                61.2,
                "Evil\nhttp://evil.example/x.mp3\r\n#EXTINF:1,y\u2028z\u0085")));
    assertThat(Files.readAllLines(m3u))
        .containsExactly(
            "#EXTM3U", "#EXTINF:61,Evil http://evil.example/x.mp3  #EXTINF:1,y z", "/m/a.ogg");
  }

  @Test
  void aTrackWhosePathHoldsALineBreakIsLeftOutAndNamed() throws Exception {
    Path m3u = dir.resolve("p.m3u8");
    PlaylistFile.Written w =
        PlaylistFile.write(
            m3u,
            List.of(
                new Entry(Path.of("/m/a\n/m/evil.ogg"), 5, "A"),
                new Entry(Path.of("/m/b.ogg"), 5, "B")));
    assertThat(Files.readAllLines(m3u)).containsExactly("#EXTM3U", "#EXTINF:5,B", "/m/b.ogg");
    assertThat(w.entries()).isEqualTo(1);
    assertThat(w.skipped())
        .singleElement()
        .asString()
        .startsWith("/m/a\\n/m/evil.ogg: ")
        .contains("line break");
  }

  @Test
  void aNewPlaylistGetsTheUsualPermissionsNotOwnerOnly() throws Exception {
    Path reference = Files.createFile(dir.resolve("reference"));
    String usual = PosixFilePermissions.toString(Files.getPosixFilePermissions(reference));
    assumeTrue(
        !usual.equals("rw-------"), "this process's umask is 077: new files are owner-only anyway");
    Path m3u = dir.resolve("p.m3u8");
    PlaylistFile.write(m3u, List.of());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(m3u))).isEqualTo(usual);
  }

  @Test
  void replacingAPlaylistKeepsItsPermissions() throws Exception {
    Path m3u = Files.writeString(dir.resolve("p.m3u8"), "old\n");
    Files.setPosixFilePermissions(m3u, PosixFilePermissions.fromString("rw-r-----"));
    PlaylistFile.write(m3u, List.of(new Entry(Path.of("/m/b.ogg"), 5, "B")));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(m3u)))
        .isEqualTo("rw-r-----");
    assertThat(Files.readString(m3u)).startsWith("#EXTM3U\n");
  }

  @Test
  void aSymbolicLinkIsRefusedAndItsTargetUntouched() throws Exception {
    Path real = Files.writeString(dir.resolve("real.txt"), "keep");
    Path link = Files.createSymbolicLink(dir.resolve("p.m3u8"), real);
    assertThatThrownBy(() -> PlaylistFile.write(link, List.of()))
        .isInstanceOf(LibraryException.class)
        .hasMessageContaining(link.toString())
        .hasMessageContaining("symbolic link");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("keep");
    assertThat(dir.toFile().list()).containsExactlyInAnyOrder("real.txt", "p.m3u8");
  }

  @Test
  void aFifoIsRefused() throws Exception {
    Path fifo = dir.resolve("p.m3u8");
    assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo failed");
    assertThatThrownBy(() -> PlaylistFile.write(fifo, List.of()))
        .isInstanceOf(LibraryException.class)
        .hasMessageContaining("not a regular file");
    assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.exists(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isTrue();
  }

  @Test
  void aDeviceIsRefused() {
    assertThatThrownBy(() -> PlaylistFile.write(Path.of("/dev/null"), List.of()))
        .isInstanceOf(LibraryException.class)
        .hasMessage(
            "cannot write the playlist /dev/null: it is not a regular file (a FIFO, socket or device)");
  }

  @Test
  void aFolderOrAMissingFolderIsRefusedInOneSentence() throws Exception {
    assertThatThrownBy(() -> PlaylistFile.write(dir, List.of()))
        .isInstanceOf(LibraryException.class)
        .hasMessage("cannot write the playlist " + dir + ": it is a folder");
    Path missing = dir.resolve("no/such/p.m3u8");
    assertThatThrownBy(() -> PlaylistFile.write(missing, List.of()))
        .isInstanceOf(LibraryException.class)
        .hasMessage(
            "cannot write the playlist "
                + missing
                + ": the folder "
                + missing.getParent()
                + " does not exist");
  }
}
