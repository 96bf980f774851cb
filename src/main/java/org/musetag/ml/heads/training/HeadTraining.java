package org.musetag.ml.heads.training;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.musetag.MusetagException;
import org.musetag.ml.heads.Head;
import org.musetag.ml.heads.HeadCard;
import org.musetag.ml.heads.HeadException;
import org.musetag.ml.heads.HeadKind;
import org.musetag.ml.heads.HeadRegistry;
import org.musetag.ml.heads.embeddings.EmbeddingCollector;
import org.musetag.ml.heads.input.TrainingInput;
import org.musetag.ml.heads.input.TrainingItem;
import org.musetag.ml.heads.metrics.Evaluation;
import org.musetag.tags.TagField;

/**
 * Trains a head from the user's labelled folders or ratings, end to end: hear every file (cached), check the data
 * and refuse what cannot work, cross-validate, train on everything, export to ONNX with a model card and register
 * it as a new version. Nothing is registered unless every step succeeded, and the exported ONNX file is checked to
 * predict what the trained head predicts before it is.
 */
public final class HeadTraining {
  static final double EXPORT_TOLERANCE = 1e-4;

  /** Hears about the stages, on the calling thread. */
  public interface Listener {
    /** Before training: counts and warnings. */
    void data(DataSummary data);

    /** Files heard so far (cached ones count at once). */
    void listening(int done, int total);

    /** Training is under way (cross-validation, then the final head). */
    default void training(String stage) {}
  }

  /**
   * What to train.
   *
   * @param tagField for label heads, the tag field to write the labels to; null for the head's name in capitals
   */
  public record Request(String name, TrainingInput input, String tagField) {}

  /** What was made. */
  public record Result(
      HeadRegistry.Version version,
      DataSummary data,
      Evaluation evaluation,
      int cached,
      int computed) {}

  private final EmbeddingCollector collector;
  private final HeadRegistry registry;
  private final String musetagVersion;
  private final Clock clock;

  public HeadTraining(
      EmbeddingCollector collector, HeadRegistry registry, String musetagVersion, Clock clock) {
    this.collector = collector;
    this.registry = registry;
    this.musetagVersion = musetagVersion;
    this.clock = clock;
  }

  public Result train(Request request, Listener listener, BooleanSupplier cancelled)
      throws MusetagException {
    HeadRegistry.checkName(request.name());
    String tagField = tagField(request);
    List<Path> files = request.input().items().stream().map(TrainingItem::file).distinct().toList();
    EmbeddingCollector.Result heard = collector.collect(files, listener::listening, cancelled);
    DataSummary data = DataSummary.of(request.input(), heard);
    listener.data(data);
    long t0 = System.nanoTime();
    listener.training("cross-validation");
    Evaluation evaluation = CrossValidation.run(data, Folds.K, Folds.SEED);
    listener.training("final head");
    LinearHead head = train(data);
    double seconds = (System.nanoTime() - t0) / 1e9;
    HeadRegistry.Version v =
        registry.install(
            request.name(),
            (dir, version) -> {
              HeadCard card =
                  new HeadCard(
                      request.name(),
                      version,
                      data.kind(),
                      clock.instant().toString(),
                      musetagVersion,
                      collector.backbone(),
                      head.outputs(),
                      tagField,
                      cardData(data),
                      training(data, seconds),
                      evaluation,
                      Path.of(request.input().source()).toAbsolutePath().normalize().toString());
              card.write(dir);
              head.exportOnnx(
                  dir.resolve(HeadCard.ONNX),
                  version,
                  Map.of(
                      "name",
                      request.name(),
                      "version",
                      String.valueOf(version),
                      "kind",
                      data.kind().id(),
                      "backbone",
                      collector.backbone(),
                      "outputs",
                      String.join("\n", head.outputs())));
              verifyExport(dir, head, data.samples());
            });
    return new Result(v, data, evaluation, heard.cached(), heard.computed());
  }

  private static String tagField(Request r) throws HeadException {
    if (r.input().kind() == HeadKind.REGRESSION) {
      return null;
    }
    String field =
        r.tagField() != null ? r.tagField() : r.name().toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return TagField.user(field).userName();
    } catch (IllegalArgumentException e) {
      throw new HeadException(
          e.getMessage() + (r.tagField() == null ? " (give one with --tag-field)" : ""));
    }
  }

  private static LinearHead train(DataSummary data) {
    List<float[]> x = data.samples().stream().map(Sample::embedding).toList();
    if (data.kind() == HeadKind.LABELS) {
      return LinearHead.trainLabels(
          x, data.samples().stream().map(Sample::label).toList(), Folds.SEED);
    }
    return LinearHead.trainRegression(
        x,
        data.samples().stream().mapToDouble(Sample::valence).toArray(),
        data.samples().stream().mapToDouble(Sample::arousal).toArray(),
        Folds.SEED);
  }

  private static HeadCard.Data cardData(DataSummary s) {
    return new HeadCard.Data(
        s.source(), s.files(), s.used(), s.counts(), s.unreadable(), s.warnings());
  }

  private static HeadCard.Training training(DataSummary data, double seconds) {
    String trainer =
        (data.kind() == HeadKind.LABELS
                ? "Tribuo 4.3 LinearSGDTrainer, LogMulticlass (multinomial logistic regression)"
                : "Tribuo 4.3 LinearSGDTrainer, SquaredLoss (linear regression, valence and arousal together)")
            + String.format(
                Locale.ROOT,
                ", AdaGrad (learning rate %s, epsilon %s), %d epochs, minibatch 1",
                LinearHead.LEARNING_RATE,
                LinearHead.ADAGRAD_EPSILON,
                LinearHead.EPOCHS);
    String std =
        "each embedding dimension to mean 0 and standard deviation 1 over the training files (constant"
            + " dimensions to 0); part of the ONNX graph, which takes the raw embedding";
    return new HeadCard.Training(
        trainer, std, data.samples().get(0).embedding().length, Folds.SEED, seconds);
  }

  /** The ONNX file, run by ONNX Runtime, must give what the Tribuo head gives, or it is not registered. */
  private static void verifyExport(Path dir, LinearHead head, List<Sample> samples)
      throws HeadException {
    try (Head exported = Head.load(dir)) {
      List<String> problems = new ArrayList<>();
      for (Sample s : samples.subList(0, Math.min(20, samples.size()))) {
        double[] want = head.predict(s.embedding());
        float[] got = exported.predict(s.embedding());
        for (int i = 0; i < want.length; i++) {
          if (Math.abs(want[i] - got[i]) > EXPORT_TOLERANCE) {
            problems.add(s.file() + " output " + i + ": " + want[i] + " vs " + got[i]);
          }
        }
      }
      if (!problems.isEmpty()) {
        throw new HeadException(
            "the exported head does not predict what was trained (" + problems.get(0) + ")");
      }
    }
  }
}
