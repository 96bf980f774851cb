package org.musetag.tags;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The managed fields of one file. Normalised on construction (absent and empty are the same thing, values are
 * stripped, blank ones dropped, everything is immutable) so that two reads of the same tags are {@code equals}, which is how a write
 * finds out that nothing would change.
 */
public record TagValues(Map<TagField, List<String>> values) {

  public TagValues {
    Map<TagField, List<String>> copy = new TreeMap<>();
    if (values != null) {
      values.forEach(
          (field, list) -> {
            List<String> kept = cleaned(list);
            if (!kept.isEmpty()) {
              copy.put(field, kept);
            }
          });
    }
    values = Collections.unmodifiableMap(copy);
  }

  /** The values as they are stored: each stripped of surrounding spaces, blanks dropped; null is empty. */
  static List<String> cleaned(List<String> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
  }

  /** The user fields (heads' fields) among these values. */
  public Set<TagField> userFields() {
    Set<TagField> out = new TreeSet<>();
    values.keySet().stream().filter(TagField::isUser).forEach(out::add);
    return out;
  }

  public static TagValues empty() {
    return new TagValues(Map.of());
  }

  /** The values of {@code field}; an empty list when the field is absent. */
  public List<String> get(TagField field) {
    return values.getOrDefault(field, List.of());
  }

  /** A copy with {@code field} set to {@code newValues} (an empty list removes it). */
  public TagValues with(TagField field, List<String> newValues) {
    Map<TagField, List<String>> copy = new TreeMap<>();
    copy.putAll(values);
    copy.put(field, newValues);
    return new TagValues(copy);
  }

  /** A copy with every field of {@code changes} set as given, other fields kept. */
  public TagValues withAll(Map<TagField, List<String>> changes) {
    TagValues result = this;
    for (Map.Entry<TagField, List<String>> e : changes.entrySet()) {
      result = result.with(e.getKey(), e.getValue());
    }
    return result;
  }
}
