package org.musetag.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Optional requests for the window to act on once it is shown, from system properties, used by
 * {@code bench/screenshots.sh} to photograph every view with real data:
 * {@code -Dmusetag.ui.tab=circumplex} opens a tab, {@code -Dmusetag.ui.classify=a.mp3:b.ogg} classifies files as if
 * dropped, {@code -Dmusetag.ui.play=song.ogg} starts the player, {@code -Dmusetag.ui.bulktag=DIR} runs the bulk-tag
 * wizard on a folder up to its preview, {@code -Dmusetag.ui.retrain=DIR} reads a folder of label folders into the
 * Expert pane (counts and warnings; nothing is trained), {@code -Dmusetag.ui.similar=song.ogg} lists a library
 * track's neighbours in the Similar tab.
 *
 * @param libraryFile the library database; null for library.db in Musetag's data folder
 * @param tab the tab to open first (library, classify, circumplex, bulktag, player, settings); null for library
 * @param play a file to play at once; null for none
 * @param bulkTag a folder to run the bulk-tag wizard on at once; null for none
 * @param retrain a folder of label folders to show in the Expert pane; null for none
 * @param similar a library track whose neighbours to list; null for none
 */
public record StartupOptions(
    Path libraryFile,
    String tab,
    List<Path> classify,
    Path play,
    Path bulkTag,
    Path retrain,
    Path similar) {
  public static final StartupOptions NONE =
      new StartupOptions(null, null, List.of(), null, null, null, null);

  public StartupOptions {
    classify = List.copyOf(classify);
  }

  public static StartupOptions fromSystemProperties() {
    List<Path> files = new ArrayList<>();
    String list = System.getProperty("musetag.ui.classify", "");
    for (String f : list.split(File.pathSeparator)) {
      if (!f.isBlank()) {
        files.add(Path.of(f));
      }
    }
    return new StartupOptions(
        null,
        System.getProperty("musetag.ui.tab"),
        files,
        path("musetag.ui.play"),
        path("musetag.ui.bulktag"),
        path("musetag.ui.retrain"),
        path("musetag.ui.similar"));
  }

  private static Path path(String property) {
    String value = System.getProperty(property);
    return value == null || value.isBlank() ? null : Path.of(value);
  }
}
