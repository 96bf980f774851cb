package org.musetag.ui.bulktag;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;

/**
 * One line of the preview: a field of a file going from old to new, or a file that is skipped and why. Rows of the
 * same file share its include switch, so ticking any of them includes or excludes the whole file.
 */
public record PreviewRow(Path file, String field, String oldValue, String newValue, BooleanProperty included,
    boolean skipped) {

  public String fileName() {
    return file.getFileName().toString();
  }
}
