package org.musetag.ui.circumplex;

import java.nio.file.Path;
import java.util.List;
import org.musetag.library.LibraryException;
import org.musetag.library.PlaylistFile;
import org.musetag.ui.display.TrackRow;

/** Saves the selection as an M3U8 playlist with the same writer as {@code musetag playlist}. */
final class Playlists {
  private Playlists() {}

  static PlaylistFile.Written writeM3u8(Path file, List<TrackRow> tracks) throws LibraryException {
    return PlaylistFile.write(
        file,
        tracks.stream()
            .map(t -> new PlaylistFile.Entry(t.path(), t.durationSeconds(), t.displayName()))
            .toList());
  }
}
