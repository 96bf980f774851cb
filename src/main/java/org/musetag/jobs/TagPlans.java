package org.musetag.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.musetag.jobs.TagJob.FilePlan;
import org.musetag.library.AnalysisStore.Analysed;
import org.musetag.library.Library;
import org.musetag.library.LibraryException;
import org.musetag.library.Track;
import org.musetag.ml.Analysis;
import org.musetag.ml.heads.HeadException;
import org.musetag.ml.heads.HeadedAnalysis;
import org.musetag.settings.Settings;
import org.musetag.tags.TagChangePlanner;
import org.musetag.tags.TagField;
import org.musetag.tags.TagStore;
import org.musetag.tags.WritePolicy;

/**
 * The one place a tag plan is built, for {@code musetag tag}, the bulk-tag wizard, the classify cards and the
 * circumplex alike: the active heads are applied to each analysis, then the user's genre vocabulary, then the
 * settings' thresholds and policies choose what is proposed, and {@link FilePlanner} compares it with what the file
 * holds. Two front ends given the same library and settings therefore plan the same changes
 * (docs/decisions/0010-one-tagging-policy.md). The plans feed {@link TagJob#write}.
 */
public final class TagPlans {
  /** The active trained heads, applied to one analysis; a head that fails on it makes that file's plan a skip. */
  @FunctionalInterface
  public interface Heads {
    HeadedAnalysis apply(Analysis a) throws HeadException;
  }

  /** No trained head: the bundled model's analysis alone. */
  public static final Heads NO_HEADS = a -> new HeadedAnalysis(a, Map.of());

  private final FilePlanner planner;
  private final Settings settings;
  private final Heads heads;
  private final Set<TagField> fields;
  private final Map<TagField, WritePolicy> policies;

  /**
   * @param headFields the user fields the active label heads write to (empty to write none of them)
   */
  public TagPlans(TagStore store, Settings settings, Heads heads, Set<TagField> headFields) {
    this.planner = new FilePlanner(store);
    this.settings = settings;
    this.heads = heads;
    Set<TagField> f = new TreeSet<>(settings.fields());
    f.addAll(headFields);
    this.fields = Set.copyOf(f);
    this.policies = policies(settings, headFields);
  }

  /** With the bundled model alone. */
  public static TagPlans withoutHeads(TagStore store, Settings settings) {
    return new TagPlans(store, settings, NO_HEADS, Set.of());
  }

  /** The fields these plans write: the settings' fields and the heads' fields (the model id is added to them). */
  public Set<TagField> fields() {
    return fields;
  }

  /** What the journal records with a batch of these plans. */
  public String settingsJson() {
    return settings.toJson(fields);
  }

  /** The plan for one file and the bundled model's analysis of it; the vocabulary and the heads are applied here. */
  public FilePlan planOne(Track track, Analysis analysis) {
    try {
      HeadedAnalysis headed = heads.apply(analysis);
      HeadedAnalysis named =
          new HeadedAnalysis(settings.vocabulary().apply(headed.analysis()), headed.heads());
      Map<TagField, List<String>> proposed = TagProposal.of(settings).values(named, fields);
      return planner.plan(track, proposed, policies);
    } catch (HeadException e) {
      return new FilePlan(track, List.of(), e.getMessage());
    }
  }

  /** Plans for every track {@code model} analysed in {@code library}, as {@code musetag tag} writes them. */
  public List<FilePlan> plan(Library library, String model) throws LibraryException {
    return plan(library.analyses().find(model, null, null), List.of(), () -> false);
  }

  /** Plans for the analysed tracks that lie under one of {@code roots} (all of them when it is empty). */
  public List<FilePlan> plan(List<Analysed> analysed, List<Path> roots, BooleanSupplier cancelled) {
    List<FilePlan> plans = new ArrayList<>();
    for (Analysed a : analysed) {
      if (cancelled.getAsBoolean()) {
        break;
      }
      if (roots.isEmpty() || roots.stream().anyMatch(r -> a.track().path().startsWith(r))) {
        plans.add(planOne(a.track(), a.analysis()));
      }
    }
    return plans;
  }

  /** The settings' policies; a head's labels are words like genres, so its field follows the genre policy. */
  private static Map<TagField, WritePolicy> policies(Settings settings, Set<TagField> headFields) {
    Map<TagField, WritePolicy> p = new TreeMap<>(settings.policies());
    WritePolicy genre =
        settings
            .policies()
            .getOrDefault(TagField.GENRE, TagChangePlanner.defaultPolicy(TagField.GENRE));
    headFields.forEach(f -> p.put(f, genre));
    return p;
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
    return new Track(
        -1, file, size, mtime, Track.OK, null, null, null, 0, null, null, null, null, null);
  }
}
