package org.musetag.ui.circumplex;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.musetag.ui.common.TrackRow;

/** Writes M3U8 playlists (UTF-8, absolute paths, #EXTINF with duration and name), atomically. */
final class Playlists {
  private Playlists() {}

  static void writeM3u8(Path file, List<TrackRow> tracks) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".playlist", ".part");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write("#EXTM3U\n");
      for (TrackRow t : tracks) {
        w.write(String.format(Locale.ROOT, "#EXTINF:%d,%s%n", Math.round(t.durationSeconds()), t.displayName()));
        w.write(t.path().toAbsolutePath() + "\n");
      }
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
