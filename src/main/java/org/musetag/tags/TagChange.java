package org.musetag.tags;

import java.nio.file.Path;
import java.util.List;

/**
 * One field of one file going from {@code oldValues} to {@code newValues}: what a preview shows and what a journal
 * keeps to undo it.
 */
public record TagChange(Path file, TagField field, List<String> oldValues, List<String> newValues) {
  public TagChange {
    oldValues = List.copyOf(oldValues);
    newValues = List.copyOf(newValues);
  }
}
