package org.musetag.ui.services;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.musetag.audio.AudioDecoder;
import org.musetag.jobs.AnalyzeJob;
import org.musetag.jobs.ClassifyJob;
import org.musetag.jobs.JobListener;
import org.musetag.library.AnalysisStore.OtherModels;
import org.musetag.library.LibraryScanner;
import org.musetag.library.ScanReport;
import org.musetag.ml.BundledModel;
import org.musetag.ml.TrackClassifier;
import org.musetag.settings.Settings;
import org.musetag.ui.display.Formats;
import org.musetag.ui.task.TaskContext;

/**
 * Scan and analyze as the UI runs them: on the library's writer thread, reporting to a {@link TaskContext}, and
 * telling the gateway's listeners that the library changed.
 */
public final class LibraryJobs {
  private final LibraryGateway gateway;
  private final AudioDecoder decoder;
  private final BundledModel models;
  private final Supplier<ExecutorService> workers;
  private final Supplier<Settings> settings;

  /**
   * @param workers the pool that probes and classifies files, sized by the threads setting
   */
  public LibraryJobs(
      LibraryGateway gateway,
      AudioDecoder decoder,
      BundledModel models,
      Supplier<ExecutorService> workers,
      Supplier<Settings> settings) {
    this.gateway = gateway;
    this.decoder = decoder;
    this.models = models;
    this.workers = workers;
    this.settings = settings;
  }

  public ScanReport scan(List<Path> roots, TaskContext ctx) throws Exception {
    ctx.message("Looking for music in " + Formats.count(roots.size(), "folder"));
    ScanReport report =
        gateway.write(
            lib ->
                new LibraryScanner(lib, decoder, workers.get())
                    .scan(
                        roots,
                        (done, total) -> {
                          ctx.progress(done, total);
                          ctx.message("Scanned " + done + " of " + Formats.count(total, "file"));
                        },
                        ctx::isCancelled));
    gateway.changed();
    return report;
  }

  /** For callers that need nothing beyond the task's own progress. */
  public static final JobListener NO_LISTENER =
      new JobListener() {
        @Override
        public void progress(int done, int total) {}

        @Override
        public void problem(Path file, String reason) {}
      };

  /** What an analysis did, with the per-file problems for the job report. */
  public record Analysis(AnalyzeJob.Report report, List<String> problems) {}

  /** Runs the model over every track not yet analysed by it; resumable, so cancelling loses nothing. */
  public Analysis analyze(TaskContext ctx, JobListener extra) throws Exception {
    return analyze(ctx, extra, List.of());
  }

  /** As {@link #analyze(TaskContext, JobListener)}, only for tracks under {@code roots} (all when empty). */
  public Analysis analyze(TaskContext ctx, JobListener extra, List<Path> roots) throws Exception {
    List<Path> scope = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
    ctx.message("Loading the model");
    TrackClassifier classifier = models.classifier();
    int threads = Math.max(1, settings.get().threads());
    List<String> problems = new ArrayList<>();
    AnalyzeJob.Report report =
        gateway.write(
            lib ->
                new AnalyzeJob(lib, classifier, new ClassifyJob(classifier, workers.get(), threads))
                    .run(
                        new JobListener() {
                          @Override
                          public void progress(int done, int total) {
                            ctx.progress(done, total);
                            ctx.message(
                                "Analysed " + done + " of " + Formats.count(total, "track"));
                            extra.progress(done, total);
                          }

                          @Override
                          public void problem(Path file, String reason) {
                            problems.add(
                                reason.startsWith(file.toString()) ? reason : file + ": " + reason);
                            extra.problem(file, reason);
                          }
                        },
                        ctx::isCancelled,
                        p -> inScope(p, scope)));
    gateway.changed();
    return new Analysis(report, List.copyOf(problems));
  }

  /**
   * The library's tracks heard only by another model than the bundled one (after an upgrade): what
   * {@link #analyze} hears again, since they are not up to date for the bundled model.
   */
  public OtherModels heardByOtherModels() throws Exception {
    String current = models.id();
    return gateway.read(lib -> lib.analyses().heardOnlyByOtherModels(current));
  }

  private static boolean inScope(Path track, List<Path> roots) {
    Path p = track.toAbsolutePath().normalize();
    return roots.isEmpty() || roots.stream().anyMatch(p::startsWith);
  }
}
