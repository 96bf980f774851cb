package org.musetag.tags;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Works out, without touching any file, what applying proposed values would change. Kept pure so that a preview, a
 * dry run and the real write all agree, and so that a field whose values would stay the same never causes a write.
 */
public final class TagChangePlanner {

  private TagChangePlanner() {}

  /**
   * The changes needed to apply {@code proposed} to {@code current} under the per-field policy; fields whose values
   * would not change produce no TagChange. MERGE keeps existing values first and appends new ones not already present
   * (case-insensitive); FILL_EMPTY only writes when the field is empty; REPLACE replaces.
   *
   * <p>Only fields with proposed values are considered (removing a field is a direct {@link TagStore#write}). A
   * field with no policy gets {@link #defaultPolicy}.
   * A single-valued field (a number, the model id) cannot hold two values, so MERGE replaces it like REPLACE; the
   * model id written beside the numbers tells which run they came from.
   */
  public static List<TagChange> plan(
      Path file, TagValues current, TagValues proposed, Map<TagField, WritePolicy> policy) {
    List<TagChange> changes = new ArrayList<>();
    for (TagField field : proposed.values().keySet()) {
      List<String> old = current.get(field);
      List<String> next =
          apply(policy.getOrDefault(field, defaultPolicy(field)), field, old, proposed.get(field));
      if (!next.equals(old)) {
        changes.add(new TagChange(file, field, old, next));
      }
    }
    return changes;
  }

  /**
   * MERGE for genres, moods and heads' labels (nothing a user curated is dropped), FILL_EMPTY for the tempo and the
   * key (a BPM or key set by hand or by DJ software is kept unless the user asks to replace it), REPLACE for the
   * other numbers and the model id.
   */
  public static WritePolicy defaultPolicy(TagField field) {
    if (field.equals(TagField.BPM) || field.equals(TagField.KEY)) {
      return WritePolicy.FILL_EMPTY;
    }
    return field.multiValued() ? WritePolicy.MERGE : WritePolicy.REPLACE;
  }

  private static List<String> apply(
      WritePolicy policy, TagField field, List<String> old, List<String> proposed) {
    List<String> cleaned = distinctIgnoringCase(proposed);
    switch (policy) {
      case FILL_EMPTY:
        return old.isEmpty() ? cleaned : old;
      case MERGE:
        if (!field.multiValued()) {
          return cleaned;
        }
        List<String> merged = new ArrayList<>(old);
        Set<String> seen = new LinkedHashSet<>();
        old.forEach(v -> seen.add(key(v)));
        for (String v : cleaned) {
          if (seen.add(key(v))) {
            merged.add(v);
          }
        }
        return List.copyOf(merged);
      case REPLACE:
      default:
        return cleaned;
    }
  }

  private static List<String> distinctIgnoringCase(List<String> values) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> out = new ArrayList<>();
    for (String v : values) {
      String trimmed = v.strip();
      if (!trimmed.isEmpty() && seen.add(key(trimmed))) {
        out.add(trimmed);
      }
    }
    return List.copyOf(out);
  }

  private static String key(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }
}
