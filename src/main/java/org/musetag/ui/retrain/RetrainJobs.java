package org.musetag.ui.retrain;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.musetag.app.Version;
import org.musetag.library.AudioFiles;
import org.musetag.ml.BundledModel;
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
import org.musetag.settings.Settings;
import org.musetag.ui.services.ActiveHeads;
import org.musetag.ui.services.LibraryGateway;
import org.musetag.ui.task.TaskContext;
import org.musetag.ui.task.WorkerPool;

/**
 * The expert pane's slow work, always on a background thread: reading the user's folders or CSV, training a head
 * (the same {@link HeadTraining} as {@code musetag train}, on the app's one {@link BundledModel}, embeddings cached
 * in the library), training a head of an earlier bundled model again from what its card keeps ({@link Retraining}, as
 * {@code musetag train --retrain}), and changing which version is active. After a change the active heads are loaded again and the library is told, so the table and the
 * circumplex show the new values at once.
 */
final class RetrainJobs {
  private final LibraryGateway gateway;
  private final BundledModel model;
  private final WorkerPool workers;
  private final Supplier<Settings> settings;
  private final ActiveHeads heads;

  RetrainJobs(
      LibraryGateway gateway,
      BundledModel model,
      WorkerPool workers,
      Supplier<Settings> settings,
      ActiveHeads heads) {
    this.gateway = gateway;
    this.model = model;
    this.workers = workers;
    this.settings = settings;
    this.heads = heads;
  }

  /** The files and labels (or ratings) of a folder of label folders or a CSV; nothing is decoded yet. */
  TrainingInput read(Path source, HeadKind kind) throws Exception {
    return kind == HeadKind.LABELS
        ? LabelFolders.read(source, AudioFiles::looksLikeAudio)
        : RatingsCsv.read(source);
  }

  /**
   * Hears the files (cached ones at once), cross-validates, and registers a new version; activates it when asked (the
   * result then says it is active).
   * Holds the library's writer while it runs, because the embedding cache lives there: a scan waits for it.
   */
  HeadTraining.Result train(
      HeadTraining.Request request,
      boolean activate,
      TaskContext ctx,
      java.util.function.Consumer<DataSummary> onData)
      throws Exception {
    int threads = Math.max(1, settings.get().threads());
    Backbone backbone = new Backbone(model);
    HeadTraining.Result result =
        gateway.write(
            lib -> {
              EmbeddingCollector collector =
                  new EmbeddingCollector(backbone, lib.embeddingCache(), workers.get(), threads);
              HeadTraining training =
                  new HeadTraining(
                      collector, heads.registry(), Version.current(), Clock.systemUTC());
              return training.train(
                  request,
                  new HeadTraining.Listener() {
                    @Override
                    public void data(DataSummary data) {
                      ctx.publish(() -> onData.accept(data));
                    }

                    @Override
                    public void listening(int done, int total) {
                      ctx.progress(done, total);
                      ctx.message("Listening: " + done + " of " + total + " files");
                    }

                    @Override
                    public void training(String stage) {
                      ctx.progress(-1, -1);
                      ctx.message("Training: " + stage);
                    }
                  },
                  ctx::isCancelled);
            });
    if (activate) {
      HeadRegistry.Version v = result.version();
      heads.registry().activate(v.name(), v.version());
      changed();
      return new HeadTraining.Result(
          new HeadRegistry.Version(v.name(), v.version(), v.dir(), v.card(), true),
          result.data(),
          result.evaluation(),
          result.cached(),
          result.computed());
    }
    return result;
  }

  /** The registry's versions, and the bundled model's id they are judged against (usable or to retrain). */
  record Heads(List<HeadRegistry.Version> versions, String bundledModel) {}

  Heads versions() throws Exception {
    return new Heads(heads.registry().list(), model.id());
  }

  /**
   * What retraining head {@code name} on the bundled model takes: the folder or CSV and the tag field its card keeps,
   * read now (no decoding). Refused, with the pane's way to train it afresh, when the card's folder or CSV is gone.
   */
  Retraining.Plan retraining(String name) throws Exception {
    return Retraining.of(
        heads.registry(),
        name,
        AudioFiles::looksLikeAudio,
        card ->
            (card.kind() == HeadKind.LABELS
                    ? "choose its label folder with \"Labelled folders…\""
                    : "choose its ratings with \"Ratings CSV…\"")
                + " and train it again under the name "
                + card.name());
  }

  void activate(String name, int version) throws Exception {
    heads.registry().activate(name, version);
    changed();
  }

  void rollback(String name) throws Exception {
    heads.registry().rollback(name);
    changed();
  }

  void delete(String name, int version) throws Exception {
    heads.registry().delete(name, version);
  }

  /** Loads the active heads again and lets the library views re-read their analyses. */
  private void changed() throws Exception {
    heads.reload();
    gateway.changed();
  }
}
