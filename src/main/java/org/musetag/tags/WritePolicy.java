package org.musetag.tags;

/**
 * What to do with a field that already has values. Users pick one per field, because genres they curated by hand
 * must never be lost silently (see {@link TagChangePlanner}).
 */
public enum WritePolicy {
  /** The proposed values replace the existing ones. */
  REPLACE,
  /** Existing values stay first; proposed values not already there (ignoring case) are appended. */
  MERGE,
  /** The proposed values are written only when the field is empty. */
  FILL_EMPTY
}
