package org.musetag.tags;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the fields Musetag manages, and nothing else. The one door to the tag library: callers see
 * {@link TagValues} and {@link TagException}, never the library's types.
 */
public interface TagStore {

  /** Current values of the built-in fields. */
  default TagValues read(Path file) throws TagException {
    return read(file, Set.of());
  }

  /** Current values of the built-in fields and of {@code userFields} (heads' fields, {@link TagField#user}). */
  TagValues read(Path file, Set<TagField> userFields) throws TagException;

  /**
   * Sets exactly these fields, built-in or user fields (others untouched, including every user-defined field not in
   * {@code newValues}; an empty list removes the field). Returns false, and does not touch
   * the file at all (bytes and mtime unchanged), when nothing would change. Atomic: the file is either the old one
   * or the new, verified one, never something in between.
   */
  boolean write(Path file, Map<TagField, List<String>> newValues) throws TagException;

  /**
   * Refuses, with the reason, a file whose existing tag cannot be read in full and so must not be rewritten (a
   * damaged frame id, an impossible comment count); the same check {@link #write} makes first. Lets a plan or a dry
   * run show the refusal before anything is written.
   */
  default void checkSafeToRewrite(Path file) throws TagException {}

  /**
   * Whether the file holds a tag of its format at all (for MP3, WAV and AIFF: an ID3v2 tag). Recorded before a
   * first write so that undo can give back a file with no tag, not one with an empty tag; true where the question
   * does not arise.
   */
  default boolean hasTag(Path file) throws TagException {
    return true;
  }

  /**
   * Removes the file's tag when it holds nothing at all (no frames), as undo does for a file that had no tag before
   * the batch; returns whether it did. A tag holding anything is left as it is.
   */
  default boolean removeTagIfEmpty(Path file) throws TagException {
    return false;
  }

  /** Whether this file's tags can be written at all (its format is known and its content is what its name says). */
  boolean canWrite(Path file);

  /** Why this file's tags cannot be written at all, as a sentence for users, or null when they can. */
  default String whyNotWritable(Path file) {
    return canWrite(file) ? null : "cannot write tags to this kind of file";
  }
}
