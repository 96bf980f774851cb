package org.musetag.ui.bulktag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.musetag.jobs.TagJob.FilePlan;
import org.musetag.tags.TagChange;
import org.musetag.ui.display.Formats;

/**
 * The wizard's preview: one row per field that would change, the files that would be skipped and why, and the
 * user's include/exclude choice per file, which survives re-planning under another policy.
 */
public final class ChangePreview {
  private final ObservableList<PreviewRow> rows = FXCollections.observableArrayList();
  private final StringProperty summary = new SimpleStringProperty("");
  private final Map<Path, BooleanProperty> included = new HashMap<>();
  private List<FilePlan> plans = List.of();
  private int changing;
  private int unchanged;
  private int skipped;

  /** Shows new plans, keeping each file's include choice. */
  void show(List<FilePlan> planned) {
    plans = planned;
    List<PreviewRow> out = new ArrayList<>();
    changing = 0;
    unchanged = 0;
    skipped = 0;
    for (FilePlan p : planned) {
      Path file = p.track().path();
      BooleanProperty on =
          included.computeIfAbsent(
              file,
              f -> {
                BooleanProperty b = new SimpleBooleanProperty(true);
                b.addListener(o -> summarise());
                return b;
              });
      if (p.skipReason() != null) {
        skipped++;
        out.add(PreviewRow.skip(file, p.skipReason(), on));
      } else if (p.changes().isEmpty()) {
        unchanged++;
      } else {
        changing++;
        for (TagChange c : p.changes()) {
          out.add(
              new PreviewRow(
                  file,
                  Formats.field(c.field()),
                  Formats.values(c.oldValues()),
                  Formats.values(c.newValues()),
                  on,
                  null));
        }
      }
    }
    rows.setAll(out);
    summarise();
  }

  private void summarise() {
    summary.set(
        String.format(
            "%s will change (%d chosen) · %d already up to date · %d skipped",
            Formats.count(changing, "file"), chosen().size(), unchanged, skipped));
  }

  /** The plans that will be written: with changes, not skipped, and included. */
  List<FilePlan> chosen() {
    return plans.stream()
        .filter(
            p ->
                p.skipReason() == null
                    && !p.changes().isEmpty()
                    && included.get(p.track().path()).get())
        .toList();
  }

  /** Includes or excludes every file at once. */
  void includeAll(boolean include) {
    plans.forEach(p -> included.get(p.track().path()).set(include));
  }

  void clear() {
    rows.clear();
    included.clear();
    plans = List.of();
    summary.set("");
  }

  void say(String text) {
    summary.set(text);
  }

  public ObservableList<PreviewRow> rows() {
    return rows;
  }

  public StringProperty summaryProperty() {
    return summary;
  }
}
