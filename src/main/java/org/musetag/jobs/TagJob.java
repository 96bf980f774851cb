package org.musetag.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.musetag.FileFailure;
import org.musetag.library.Library;
import org.musetag.library.LibraryException;
import org.musetag.library.TagJournal;
import org.musetag.library.Track;
import org.musetag.tags.TagChange;
import org.musetag.tags.TagException;
import org.musetag.tags.TagField;
import org.musetag.tags.TagStore;
import org.musetag.tags.TagTemporaries;
import org.musetag.tags.TagValues;

/**
 * Bulk tag writing: writes the plans {@link TagPlans} made (what would change, per file and field) with a journal,
 * and undoes a batch. Every change is journalled and committed before its file is touched; each file is written
 * atomically by the {@link TagStore}; a file that changed on disk since the scan, vanished, is read-only or in a
 * format that cannot be written is reported and skipped, and the batch goes on.
 */
public final class TagJob {
  /** The changes for one file, or why it is skipped. */
  public record FilePlan(Track track, List<TagChange> changes, String skipReason) {}

  /** What a write or undo did. */
  public record Report(
      String batchId,
      int files,
      int written,
      int unchanged,
      int failed,
      int skipped,
      boolean cancelled) {}

  private final Library library;
  private final TagStore store;
  private final FilePlanner planner;

  /** Plans come from {@link TagPlans}, the one plan builder of both front ends. */
  public TagJob(Library library, TagStore store) {
    this.library = library;
    this.store = store;
    this.planner = new FilePlanner(store);
  }

  /** Writes the planned changes as one batch; returns its report (the batch id undoes it). */
  public Report write(
      List<FilePlan> plans,
      String batchId,
      String model,
      String settings,
      JobListener listener,
      BooleanSupplier cancelled)
      throws LibraryException {
    TagJournal journal = library.journal();
    removeStaleTemporaries(plans.stream().map(p -> p.track().path()).toList());
    library.inTransaction(
        () -> journal.startBatch(batchId, model, settings, System.currentTimeMillis()));
    int written = 0;
    int unchanged = 0;
    int failed = 0;
    int skipped = 0;
    int done = 0;
    for (FilePlan plan : plans) {
      if (cancelled.getAsBoolean()) {
        break;
      }
      done++;
      if (plan.skipReason() != null) {
        skipped++;
        listener.problem(plan.track().path(), plan.skipReason());
      } else if (plan.changes().isEmpty()) {
        unchanged++;
      } else {
        String problem = writeOne(plan, batchId);
        if (problem == null) {
          written++;
        } else {
          failed++;
          listener.problem(plan.track().path(), problem);
        }
      }
      listener.progress(done, plans.size());
    }
    boolean stopped = done < plans.size();
    library.inTransaction(
        () -> journal.setBatchState(batchId, stopped ? "cancelled" : "done", null));
    return new Report(batchId, plans.size(), written, unchanged, failed, skipped, stopped);
  }

  private String writeOne(FilePlan plan, String batchId) throws LibraryException {
    Path file = plan.track().path();
    List<String> fields = new ArrayList<>();
    List<List<String>> olds = new ArrayList<>();
    List<List<String>> news = new ArrayList<>();
    Map<TagField, List<String>> values = new TreeMap<>();
    for (TagChange c : plan.changes()) {
      fields.add(c.field().name());
      olds.add(c.oldValues());
      news.add(c.newValues());
      values.put(c.field(), c.newValues());
    }
    List<Long> ids = new ArrayList<>();
    library.inTransaction(
        () -> ids.addAll(library.journal().plan(batchId, file, fields, olds, news)));
    String problem = planner.problemWith(plan.track());
    if (problem == null) {
      try {
        if (!store.hasTag(file)) {
          library.inTransaction(
              () ->
                  ids.addAll(
                      library
                          .journal()
                          .plan(
                              batchId,
                              file,
                              List.of(TagJournal.NO_TAG),
                              List.of(List.of()),
                              List.of(List.of()))));
        }
        store.write(file, values);
      } catch (TagException e) {
        problem = e.getMessage();
      } catch (RuntimeException | OutOfMemoryError | StackOverflowError | LinkageError e) {
        problem = FileFailure.message(file, e);
      }
    }
    String outcome = problem;
    library.inTransaction(
        () -> {
          library
              .journal()
              .mark(ids, outcome == null ? TagJournal.WRITTEN : TagJournal.FAILED, outcome);
          if (outcome == null) {
            refresh(plan.track());
          }
        });
    return problem;
  }

  /** Restores the tags a batch changed, as they were, where the file still holds what the batch wrote. */
  public Report undo(String batchId, JobListener listener) throws LibraryException {
    TagJournal.Batch batch =
        library.journal().batches().stream()
            .filter(b -> b.id().equals(batchId))
            .findFirst()
            .orElseThrow(() -> new LibraryException("there is no tag batch " + batchId));
    if (batch.runningElsewhere()) {
      throw new LibraryException(
          "the tag batch "
              + batchId
              + " is still being written by process "
              + batch.owner().pid()
              + "; undo it once that has finished");
    }
    Map<Path, List<TagJournal.Entry>> byFile = new LinkedHashMap<>();
    List<TagJournal.Entry> entries = library.journal().entries(batchId);
    removeStaleTemporaries(entries.stream().map(TagJournal.Entry::path).toList());
    for (TagJournal.Entry e : entries) {
      if (e.state().equals(TagJournal.WRITTEN) || e.state().equals(TagJournal.PLANNED)) {
        byFile.computeIfAbsent(e.path(), p -> new ArrayList<>()).add(e);
      }
    }
    int restored = 0;
    int failed = 0;
    int untouched = 0;
    int done = 0;
    for (Map.Entry<Path, List<TagJournal.Entry>> f : byFile.entrySet()) {
      done++;
      String problem = undoFile(f.getKey(), f.getValue());
      if (problem == null) {
        restored++;
      } else if (problem.isEmpty()) {
        untouched++;
      } else {
        failed++;
        listener.problem(f.getKey(), problem);
      }
      listener.progress(done, byFile.size());
    }
    library.inTransaction(
        () -> library.journal().setBatchState(batchId, "undone", System.currentTimeMillis()));
    return new Report(batchId, byFile.size(), restored, untouched, failed, 0, false);
  }

  /** null when restored, "" when there was nothing to restore, otherwise the problem. */
  private String undoFile(Path file, List<TagJournal.Entry> entries) throws LibraryException {
    List<Long> ids = entries.stream().map(TagJournal.Entry::id).toList();
    boolean hadNoTag = entries.stream().anyMatch(e -> e.field().equals(TagJournal.NO_TAG));
    entries = entries.stream().filter(e -> !e.field().equals(TagJournal.NO_TAG)).toList();
    try {
      Set<TagField> fields = new TreeSet<>();
      entries.forEach(e -> fields.add(TagField.valueOf(e.field())));
      TagValues current = store.read(file, fields);
      Map<TagField, List<String>> revert = new TreeMap<>();
      List<String> conflicts = new ArrayList<>();
      for (TagJournal.Entry e : entries) {
        TagField field = TagField.valueOf(e.field());
        List<String> now = current.get(field);
        if (now.equals(new TagValues(Map.of(field, e.newValues())).get(field))) {
          revert.put(field, e.oldValues());
        } else if (!now.equals(new TagValues(Map.of(field, e.oldValues())).get(field))) {
          conflicts.add(field + " was changed since (now " + now + ")");
        }
      }
      if (!conflicts.isEmpty()) {
        String why = file + ": not undone: " + String.join("; ", conflicts);
        library.inTransaction(() -> library.journal().mark(ids, TagJournal.UNDO_FAILED, why));
        return why;
      }
      boolean reverted = !revert.isEmpty() && store.write(file, revert);
      boolean changed = hadNoTag && store.removeTagIfEmpty(file) || reverted;
      library.inTransaction(
          () -> {
            library.journal().mark(ids, TagJournal.UNDONE, null);
            Track t = library.tracks().byPath(file);
            if (t != null && changed) {
              refresh(t);
            }
          });
      return changed ? null : "";
    } catch (TagException e) {
      library.inTransaction(
          () -> library.journal().mark(ids, TagJournal.UNDO_FAILED, e.getMessage()));
      return e.getMessage();
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError | LinkageError e) {
      String why = FileFailure.message(file, e);
      library.inTransaction(() -> library.journal().mark(ids, TagJournal.UNDO_FAILED, why));
      return why;
    }
  }

  /** Copies a killed Musetag left beside these files (see {@link TagTemporaries}); each folder is listed once. */
  private static void removeStaleTemporaries(List<Path> files) {
    files.stream()
        .map(Path::getParent)
        .filter(java.util.Objects::nonNull)
        .distinct()
        .forEach(TagTemporaries::removeStale);
  }

  /** The library's size and mtime follow the file after a tag write, so its analyses stay current (audio unchanged). */
  private void refresh(Track track) throws LibraryException {
    try {
      BasicFileAttributes a = Files.readAttributes(track.path(), BasicFileAttributes.class);
      library.tracks().refreshFingerprint(track.id(), a.size(), a.lastModifiedTime().toMillis());
    } catch (IOException e) {
      // The next scan notices the file; nothing else depends on this.
    }
  }
}
