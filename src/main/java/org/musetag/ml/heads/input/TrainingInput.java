package org.musetag.ml.heads.input;

import java.util.List;
import org.musetag.ml.heads.HeadKind;

/**
 * What the user handed in to learn from, as read: the files with their labels or values, and what was noticed while
 * reading (lines that are not numbers, files outside any label folder). Nothing is decoded yet.
 *
 * @param source the folder or CSV file, as the user named it
 */
public record TrainingInput(
    HeadKind kind, String source, List<TrainingItem> items, List<String> warnings) {
  public TrainingInput {
    items = List.copyOf(items);
    warnings = List.copyOf(warnings);
  }
}
