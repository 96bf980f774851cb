package org.musetag.ui.dialog;

import org.musetag.tags.TagChange;
import org.musetag.ui.display.Formats;

/** One field of one file going from old to new, as a confirmation dialog lists it. */
public record ChangeLine(String file, String field, String oldValue, String newValue) {

  /** The line of one planned change: "genre", "Rock" → "Jazz". */
  public static ChangeLine of(TagChange c) {
    String field = Formats.field(c.field());
    return new ChangeLine(
        c.file().getFileName().toString(),
        field,
        Formats.values(c.oldValues()),
        Formats.values(c.newValues()));
  }
}
