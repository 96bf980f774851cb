package org.musetag.ui.bulktag;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;

/**
 * One line of the preview: a field of a file going from old to new, or a file that is skipped and why. Rows of the
 * same file share its include switch, so ticking any of them includes or excludes the whole file.
 *
 * @param skipReason null, or why the file will not be written, as {@code musetag tag --dry-run} prints it after
 *     "skip " (the same {@code FilePlan.skipReason()})
 */
public record PreviewRow(
    Path file,
    String field,
    String oldValue,
    String newValue,
    BooleanProperty included,
    String skipReason) {

  /** A row for a file that will not be written. */
  static PreviewRow skip(Path file, String reason, BooleanProperty included) {
    return new PreviewRow(file, "", "", "skipped: " + reason, included, reason);
  }

  public boolean skipped() {
    return skipReason != null;
  }

  public String fileName() {
    return file.getFileName().toString();
  }
}
