package org.musetag.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.musetag.app.Services;
import org.musetag.jobs.AnalyzeJob;
import org.musetag.jobs.ClassifyJob;
import org.musetag.library.AnalysisStore.OtherModels;
import org.musetag.library.Library;
import org.musetag.ml.PatchModel;
import org.musetag.ml.TrackClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code musetag analyze --db FILE}: classifies every indexed track not yet analysed by the active model, with
 * progress, rate and time left. Ctrl-C stops after the files in hand, keeps what was done, and a re-run resumes.
 * Tracks heard only by another model (before the bundled model was upgraded) are not up to date, so a plain run
 * hears them again; a line on standard error says how many there are before the run and how many are left after
 * it ({@code "heard_by_other_models"} in the summary). Tracks whose tempo and key an older method heard
 * ({@link org.musetag.dsp.TempoKey#METHOD}) are heard again too, and a line says how many.
 */
@Command(
    name = "analyze",
    description =
        "Analyse the library's tracks with the active model (resumable; Ctrl-C stops cleanly).")
final class AnalyzeCommand implements Callable<Integer> {
  private final Services services;

  @Spec CommandSpec spec;
  @Mixin DbOption db;
  @Mixin ModelOptions options;

  AnalyzeCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    AtomicBoolean cancelled = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread onCtrlC =
        new Thread(
            () -> {
              cancelled.set(true);
              err.println();
              err.println(
                  "musetag: stopping after the files in hand; what is done is kept (run analyze again to resume)");
              err.flush();
              awaitQuietly(finished);
            });
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    ExecutorService pool = services.executors().apply(options.threads);
    TerminalJobListener progress = new TerminalJobListener(err, "Analysing");
    AnalyzeJob.Report r;
    try (Library library = db.open(services)) {
      PatchModel model = options.load(services, err);
      TrackClassifier classifier = services.model().classifier();
      AnalyzeJob job =
          new AnalyzeJob(library, classifier, new ClassifyJob(classifier, pool, options.threads));
      OtherModels before = library.analyses().heardOnlyByOtherModels(model.id());
      if (before.tracks() > 0) {
        err.println(
            "musetag: " + OtherModelsLine.counted(before, model.id()) + "; hearing them again now");
        err.flush();
      }
      int older = library.analyses().olderTempoKey(model.id());
      if (older > 0) {
        err.println(
            "musetag: "
                + older
                + (older == 1 ? " track has" : " tracks have")
                + " a tempo and key heard by an older version of Musetag; hearing "
                + (older == 1 ? "it" : "them")
                + " again now");
        err.flush();
      }
      r = job.run(progress, cancelled::get);
      progress.finish();
      int left = OtherModelsLine.print(library, model.id(), "", err);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("model", model.id());
      row.put("device", model.device().description());
      row.put("tracks", r.total());
      row.put("analysed", r.analysed());
      row.put("already_done", r.skipped());
      row.put("failed", r.failed());
      row.put("cancelled", r.cancelled());
      row.put("heard_by_other_models", left);
      new JsonLines(spec.commandLine().getOut()).write(row);
    } finally {
      pool.shutdownNow();
      finished.countDown();
      if (!cancelled.get()) {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      }
    }
    return r.cancelled() ? 130 : r.failed() > 0 ? 1 : 0;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
