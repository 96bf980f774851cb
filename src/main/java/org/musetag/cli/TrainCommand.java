package org.musetag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.musetag.app.Services;
import org.musetag.app.Version;
import org.musetag.library.AudioFiles;
import org.musetag.library.Library;
import org.musetag.ml.heads.HeadException;
import org.musetag.ml.heads.HeadKind;
import org.musetag.ml.heads.HeadRegistry;
import org.musetag.ml.heads.embeddings.Backbone;
import org.musetag.ml.heads.embeddings.EmbeddingCollector;
import org.musetag.ml.heads.input.LabelFolders;
import org.musetag.ml.heads.input.RatingsCsv;
import org.musetag.ml.heads.input.TrainingInput;
import org.musetag.ml.heads.training.DataSummary;
import org.musetag.ml.heads.training.HeadTraining;
import org.musetag.ml.heads.training.Retraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code musetag train --folders DIR --name NAME} (one sub-folder per label) or {@code musetag train --csv FILE
 * --kind regression --name NAME} (path,valence,arousal): shows the data's counts and warnings, cross-validates a
 * head on the bundled model's embeddings, and registers it as a new version of NAME (activate it with
 * {@code musetag models activate}). Embeddings are cached in the library, so a second run is fast. {@code musetag
 * train --retrain NAME} trains an existing head again from what its card records, for a head made on an earlier
 * bundled model (which is not applied until then).
 */
@Command(
    name = "train",
    description =
        "Teach Musetag your own labels (one sub-folder per label) or valence/arousal"
            + " ratings (CSV): cross-validated, then registered as a new version of a head.")
final class TrainCommand implements Callable<Integer> {
  private final Services services;

  @Spec CommandSpec spec;
  @Mixin DbOption db;
  @Mixin ModelOptions options;

  @Option(
      names = "--folders",
      paramLabel = "DIR",
      description = "a folder whose sub-folders are the labels")
  Path folders;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description = "a CSV of path,valence,arousal (values -1..1)")
  Path csv;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "the head's name (letters, digits, - and _)")
  String name;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description = "labels or regression (default: labels for --folders, regression for --csv)")
  String kind;

  @Option(
      names = "--tag-field",
      paramLabel = "FIELD",
      description = "tag field the labels are written to (default: NAME in capitals)")
  String tagField;

  @Option(names = "--activate", description = "make the new version active right away")
  boolean activate;

  @Option(
      names = "--retrain",
      paramLabel = "NAME",
      description =
          "train head NAME again on the bundled model, from the folders or CSV and the tag field its card"
              + " records (for a head trained on an earlier bundled model); active again if it was active")
  String retrain;

  TrainCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HeadRegistry registry = ModelsCommand.registry(services);
    boolean activateNew = activate;
    HeadTraining.Request request;
    if (retrain != null) {
      if (folders != null || csv != null || name != null || tagField != null || kind != null) {
        throw new HeadException(
            "--retrain NAME reads the folders or CSV and the tag field from the head's card;"
                + " give no --folders, --csv, --name, --kind or --tag-field with it");
      }
      Retraining.Plan plan = Retraining.of(registry, retrain, AudioFiles::looksLikeAudio);
      out.printf(
          "retraining %s from %s (%s was trained on %s)%n",
          retrain,
          plan.request().input().source(),
          plan.from().card().id(),
          plan.from().card().backbone());
      activateNew |= plan.from().active();
      request = plan.request();
    } else {
      if (name == null) {
        throw new HeadException(
            "give the new head a name with --name NAME (or train a head again with --retrain NAME)");
      }
      request = new HeadTraining.Request(name, readInput(), tagField);
    }
    AtomicBoolean cancelled = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread onCtrlC =
        new Thread(
            () -> {
              cancelled.set(true);
              err.println();
              err.println(
                  "musetag: stopping after the files in hand; what was heard is kept for the next run");
              err.flush();
              try {
                finished.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    ExecutorService pool = services.executors().apply(options.threads);
    TerminalProgress listening = new TerminalProgress(err, "Listening");
    options.prefer(services);
    try (Library library = db.open(services)) {
      Backbone backbone = new Backbone(services.model());
      EmbeddingCollector collector =
          new EmbeddingCollector(backbone, library.embeddingCache(), pool, options.threads);
      HeadTraining training =
          new HeadTraining(collector, registry, Version.current(), Clock.systemUTC());
      long t0 = System.nanoTime();
      HeadTraining.Result r =
          training.train(
              request,
              new HeadTraining.Listener() {
                @Override
                public void data(DataSummary data) {
                  listening.finish();
                  TrainReport.data(data, out);
                }

                @Override
                public void listening(int done, int total) {
                  listening.update(done, total);
                }
              },
              cancelled::get);
      services
          .model()
          .device()
          .filter(d -> !d.notice().isEmpty())
          .ifPresent(d -> err.println("musetag: " + d.notice()));
      if (activateNew) {
        registry.activate(request.name(), r.version().version());
      }
      TrainReport.result(r, (System.nanoTime() - t0) / 1e9, activateNew, out);
      return 0;
    } finally {
      listening.finish();
      pool.shutdownNow();
      finished.countDown();
      if (!cancelled.get()) {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      }
    }
  }

  private TrainingInput readInput() throws HeadException {
    if ((folders == null) == (csv == null)) {
      throw new HeadException(
          "give either --folders DIR (one sub-folder per label) or --csv FILE (path,valence,arousal)");
    }
    HeadKind wanted =
        kind == null ? (folders != null ? HeadKind.LABELS : HeadKind.REGRESSION) : parseKind(kind);
    if (folders != null && wanted != HeadKind.LABELS) {
      throw new HeadException(
          "--folders trains labels; for valence/arousal give --csv FILE with path,valence,arousal");
    }
    if (csv != null && wanted != HeadKind.REGRESSION) {
      throw new HeadException(
          "--csv trains valence/arousal (--kind regression); for labels give --folders DIR");
    }
    return folders != null
        ? LabelFolders.read(folders, AudioFiles::looksLikeAudio)
        : RatingsCsv.read(csv);
  }

  private static HeadKind parseKind(String k) throws HeadException {
    for (HeadKind h : HeadKind.values()) {
      if (h.id().equalsIgnoreCase(k.strip())) {
        return h;
      }
    }
    throw new HeadException("--kind is labels or regression, not '" + k + "'");
  }
}
