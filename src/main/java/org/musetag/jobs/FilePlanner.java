package org.musetag.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import org.musetag.FileFailure;
import org.musetag.PathProblems;
import org.musetag.jobs.TagJob.FilePlan;
import org.musetag.library.Track;
import org.musetag.tags.TagChangePlanner;
import org.musetag.tags.TagException;
import org.musetag.tags.TagField;
import org.musetag.tags.TagStore;
import org.musetag.tags.TagValues;
import org.musetag.tags.WritePolicy;

/**
 * Plans one file: its current tags against the proposed values, or the reason it cannot be written (vanished,
 * unsupported format, read-only, changed on disk since the scan, a damaged tag that must not be rewritten: see
 * {@link TagStore#checkSafeToRewrite}, so a dry run shows the same refusal a write would give). Shared by bulk tagging and the app's one-file and
 * selection tagging, so every path skips the same files with the same words.
 */
public final class FilePlanner {
  private final TagStore store;

  public FilePlanner(TagStore store) {
    this.store = store;
  }

  public FilePlan plan(
      Track track, Map<TagField, List<String>> proposed, Map<TagField, WritePolicy> policy) {
    String problem = problemWith(track);
    if (problem != null) {
      return new FilePlan(track, List.of(), problem);
    }
    try {
      store.checkSafeToRewrite(track.path());
      TagValues current = store.read(track.path(), proposed.keySet());
      return new FilePlan(
          track,
          TagChangePlanner.plan(track.path(), current, new TagValues(proposed), policy),
          null);
    } catch (TagException e) {
      return new FilePlan(track, List.of(), e.getMessage());
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError | LinkageError e) {
      return new FilePlan(track, List.of(), FileFailure.message(track.path(), e));
    }
  }

  /** Why {@code t} cannot be written now, or null. */
  String problemWith(Track t) {
    Path file = t.path();
    String missing = PathProblems.whyNotThere(file);
    if (missing != null) {
      return file
          + ": "
          + (missing.equals("does not exist") ? "has vanished since the last scan" : missing);
    }
    String notWritable = store.whyNotWritable(file);
    if (notWritable != null) {
      return file + ": " + notWritable;
    }
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (a.size() != t.size() || a.lastModifiedTime().toMillis() != t.mtimeMs()) {
        return file + ": has changed on disk since the last scan (scan again, then tag)";
      }
    } catch (IOException e) {
      return file + ": cannot be read (" + e.getMessage() + ")";
    }
    return null;
  }
}
