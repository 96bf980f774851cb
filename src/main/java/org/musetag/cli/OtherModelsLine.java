package org.musetag.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.musetag.library.AnalysisStore.OtherModels;
import org.musetag.library.Library;
import org.musetag.library.LibraryException;

/**
 * The one line the library's commands print on standard error when some tracks were heard only by another model
 * than the bundled one (after an upgrade): how many, by which models, and the command that hears them again. The
 * commands that read analyses use the bundled model's only, so without this line those tracks would drop out of
 * tagging and playlists unseen.
 */
final class OtherModelsLine {
  private OtherModelsLine() {}

  /**
   * Prints the line when there are such tracks; returns how many there are.
   *
   * @param consequence what the command does with them (", and are left out"), or ""
   */
  static int print(Library library, String current, String consequence, PrintWriter err)
      throws LibraryException {
    OtherModels other = library.analyses().heardOnlyByOtherModels(current);
    if (other.tracks() > 0) {
      err.println("musetag: " + sentence(other, current, library, consequence));
      err.flush();
    }
    return other.tracks();
  }

  static String sentence(OtherModels other, String current, Library library, String consequence) {
    return counted(other, current)
        + consequence
        + ": run \"musetag analyze --db "
        + library.file()
        + "\" to hear "
        + (other.tracks() == 1 ? "it" : "them")
        + " again";
  }

  /** "312 tracks were heard by musetag-base@1.1.0, not by musetag-base@2.0.0". */
  static String counted(OtherModels other, String current) {
    return (other.tracks() == 1 ? "1 track was" : other.tracks() + " tracks were")
        + " heard by "
        + models(other.byModel())
        + ", not by "
        + current;
  }

  private static String models(Map<String, Integer> byModel) {
    if (byModel.size() == 1) {
      return byModel.keySet().iterator().next();
    }
    List<String> each =
        byModel.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
    return String.join(", ", each.subList(0, each.size() - 1))
        + " and "
        + each.get(each.size() - 1);
  }
}
