package org.musetag.ui.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.musetag.jobs.FilePlanner;
import org.musetag.jobs.TagJob.FilePlan;
import org.musetag.library.AnalysisStore.Analysed;
import org.musetag.library.Track;
import org.musetag.ml.Analysis;
import org.musetag.ml.heads.HeadedAnalysis;
import org.musetag.tags.TagField;
import org.musetag.tags.TagStore;

/**
 * Plans tag changes with the same {@link FilePlanner} as {@code TagJob.plan}, plus what the app's settings add: the user's genre vocabulary
 * and a scope (the wizard's folders, or one dropped file). The plans feed {@code TagJob.write}, which journals them
 * and re-checks each file before touching it, so a batch written from here is undoable like any other.
 */
public final class TagPlans {
  private final FilePlanner planner;

  public TagPlans(TagStore store) {
    this.planner = new FilePlanner(store);
  }

  /** The plan for one file and its analysis, with the user's genre vocabulary applied. */
  public FilePlan planOne(Track track, Analysis analysis, Settings settings) {
    return planOne(track, new HeadedAnalysis(analysis, Map.of()), settings, Set.of());
  }

  /**
   * The plan for one file and its analysis with the active heads applied: the settings' fields, and each label
   * head's labels in its own field ({@code headFields}), as {@code musetag tag} writes them.
   */
  public FilePlan planOne(Track track, HeadedAnalysis headed, Settings settings, Set<TagField> headFields) {
    Set<TagField> fields = new TreeSet<>(settings.fields());
    fields.addAll(headFields);
    HeadedAnalysis named = new HeadedAnalysis(settings.vocabulary().apply(headed.analysis()), headed.heads());
    return planner.plan(track, settings.proposal().values(named, fields), settings.policies());
  }

  /** Plans for the analysed tracks that lie under one of {@code roots} (all of them when it is empty). */
  public List<FilePlan> plan(List<Analysed> analysed, List<Path> roots, Settings settings, BooleanSupplier cancelled) {
    return plan(analysed, roots, settings, ActiveHeads.none(), cancelled);
  }

  /** As above, with the active heads applied to every stored analysis. */
  public List<FilePlan> plan(List<Analysed> analysed, List<Path> roots, Settings settings, ActiveHeads heads,
      BooleanSupplier cancelled) {
    Set<TagField> headFields = heads.fields();
    List<FilePlan> plans = new ArrayList<>();
    for (Analysed a : analysed) {
      if (cancelled.getAsBoolean()) {
        break;
      }
      if (roots.isEmpty() || roots.stream().anyMatch(r -> a.track().path().startsWith(r))) {
        plans.add(planOne(a.track(), heads.applyAll(a.analysis()), settings, headFields));
      }
    }
    return plans;
  }

  /**
   * A track for a file the library does not hold (a dropped file), with its size and time stamp as now. A file
   * that cannot be looked at (gone since it was dropped) still gets a track, so that the planner refuses it in the
   * words {@code musetag tag} uses ("has vanished since the last scan") instead of a generic file error.
   */
  public static Track looseTrack(Path file) {
    long size = -1;
    long mtime = -1;
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      size = a.size();
      mtime = a.lastModifiedTime().toMillis();
    } catch (IOException e) {
      // The planner looks again and names the problem.
    }
    return new Track(-1, file, size, mtime, Track.OK, null, null, null, 0, null, null, null, null, null);
  }
}
