package org.musetag.ui.services;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.musetag.jobs.BatchIds;
import org.musetag.jobs.JobListener;
import org.musetag.jobs.TagJob;
import org.musetag.jobs.TagJob.FilePlan;
import org.musetag.jobs.TagPlans;
import org.musetag.library.AnalysisStore.Analysed;
import org.musetag.library.LibraryException;
import org.musetag.library.TagJournal;
import org.musetag.library.Track;
import org.musetag.ml.Analysis;
import org.musetag.settings.Settings;
import org.musetag.tags.JaudiotaggerTagStore;
import org.musetag.ui.display.Formats;
import org.musetag.ui.task.TaskContext;

/**
 * Tag batches as the UI runs them: plan with the core's {@link TagPlans} (reading the files' tags on the calling
 * background thread), write and undo
 * through {@link TagJob} on the library's writer thread, so every batch is journalled and undoable from the history.
 */
public final class TagBatches {
  private final LibraryGateway gateway;
  private final ActiveHeads heads;

  /** Plans with the bundled model alone. */
  public TagBatches(LibraryGateway gateway) {
    this(gateway, ActiveHeads.none());
  }

  /** Plans with the user's active heads applied, writing label heads' fields too. */
  public TagBatches(LibraryGateway gateway, ActiveHeads heads) {
    this.gateway = gateway;
    this.heads = heads;
  }

  /** What a write or undo did, with the per-file problems for the report. */
  public record Outcome(TagJob.Report report, List<String> problems) {}

  /** Plans of one model's analyses. */
  public record Planned(String model, List<FilePlan> plans) {}

  /** Plans for the tracks the newest model analysed under {@code roots} (all when empty). */
  public Planned plan(List<Path> roots, Settings settings, TaskContext ctx) throws Exception {
    ctx.message("Reading the analyses");
    String model = model();
    if (model == null) {
      throw nothingAnalysed();
    }
    List<Analysed> analysed = gateway.read(lib -> lib.analyses().find(model, null, null));
    ctx.message("Reading the tags the files hold now");
    return new Planned(model, plans(settings).plan(analysed, roots, ctx::isCancelled));
  }

  /** Plans for the given library tracks, by their newest model's analyses; tracks not analysed are left out. */
  public Planned planTracks(Collection<Long> trackIds, Settings settings, TaskContext ctx)
      throws Exception {
    ctx.message("Reading the analyses");
    String model = model();
    if (model == null) {
      throw nothingAnalysed();
    }
    Set<Long> wanted = Set.copyOf(trackIds);
    List<Analysed> analysed =
        gateway.read(lib -> lib.analyses().find(model, null, null)).stream()
            .filter(a -> wanted.contains(a.track().id()))
            .toList();
    ctx.message("Reading the tags the files hold now");
    return new Planned(model, plans(settings).plan(analysed, List.of(), ctx::isCancelled));
  }

  /**
   * The bundled model, so a tag batch never writes what an older model heard (those tracks are left out until they
   * are heard again); the newest analyses' model when tagging with the bundled model alone in tests.
   */
  private String model() throws Exception {
    String current = heads.bundledModel();
    return current != null ? current : gateway.read(lib -> lib.analyses().newestModel());
  }

  /** The plan for one file (in the library or not) and the bundled model's analysis of it, heads applied here. */
  public FilePlan planFile(Path file, Analysis analysis, Settings settings) throws Exception {
    Track inLibrary = gateway.read(lib -> lib.tracks().byPath(file));
    Track track = inLibrary != null ? inLibrary : TagPlans.looseTrack(file);
    return plans(settings).planOne(track, analysis);
  }

  public Outcome write(List<FilePlan> plans, String model, Settings settings, TaskContext ctx)
      throws Exception {
    List<String> problems = new ArrayList<>();
    TagJob.Report report =
        gateway.write(
            lib ->
                new TagJob(lib, new JaudiotaggerTagStore(settings.tagOptions()))
                    .write(
                        plans,
                        BatchIds.next(),
                        model,
                        plans(settings).settingsJson(),
                        listener(ctx, problems, "Written"),
                        ctx::isCancelled));
    gateway.changed();
    return new Outcome(report, List.copyOf(problems));
  }

  public Outcome undo(String batchId, Settings settings, TaskContext ctx) throws Exception {
    List<String> problems = new ArrayList<>();
    TagJob.Report report =
        gateway.write(
            lib ->
                new TagJob(lib, new JaudiotaggerTagStore(settings.tagOptions()))
                    .undo(batchId, listener(ctx, problems, "Restored")));
    gateway.changed();
    return new Outcome(report, List.copyOf(problems));
  }

  /** Past batches, newest first. */
  public List<TagJournal.Batch> history() throws Exception {
    return gateway.read(lib -> lib.journal().batches());
  }

  public List<TagJournal.Entry> entries(String batchId) throws Exception {
    return gateway.read(lib -> lib.journal().entries(batchId));
  }

  /** The core's plan builder, the one {@code musetag tag} uses, with the app's active heads. */
  private TagPlans plans(Settings settings) {
    return new TagPlans(
        new JaudiotaggerTagStore(settings.tagOptions()), settings, heads::applyAll, heads.fields());
  }

  private static JobListener listener(TaskContext ctx, List<String> problems, String verb) {
    return new JobListener() {
      @Override
      public void progress(int done, int total) {
        ctx.progress(done, total);
        ctx.message(verb + " " + done + " of " + Formats.count(total, "file"));
      }

      @Override
      public void problem(Path file, String reason) {
        problems.add(reason.startsWith(file.toString()) ? reason : file + ": " + reason);
      }
    };
  }

  /** Thrown when there is nothing analysed to tag. */
  public static LibraryException nothingAnalysed() {
    return new LibraryException(
        "nothing is analysed yet: add a folder and let Musetag listen to it first");
  }
}
