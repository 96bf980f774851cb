package org.musetag.tags;

/**
 * The tag fields Musetag manages. Everything else in a file belongs to the user and is never touched; how each field
 * is spelled in each format follows {@code shared/guide/tags.md} (see {@link JaudiotaggerTagStore}).
 */
public enum TagField {
  GENRE(true),
  MOOD(true),
  VALENCE(false),
  AROUSAL(false),
  MOOD_MODEL(false);

  private final boolean multiValued;

  TagField(boolean multiValued) {
    this.multiValued = multiValued;
  }

  /** Whether the field holds a list (genres, mood words) rather than one value (a number, a model id). */
  public boolean multiValued() {
    return multiValued;
  }
}
