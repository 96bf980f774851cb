package org.musetag.ml.heads.training;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.musetag.ml.heads.HeadCard;
import org.musetag.ml.heads.HeadKind;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;

/**
 * A linear head trained with Tribuo on standardised embeddings: multinomial logistic regression
 * ({@code LinearSGDTrainer} + {@code LogMulticlass}) for labels, least squares ({@code LinearSGDTrainer} +
 * {@code SquaredLoss}, one model with two outputs) for valence/arousal. AdaGrad, fixed epochs and seed, so the same
 * data gives the same head (docs/decisions/0006-retrained-heads.md). The only class that sees Tribuo.
 */
final class LinearHead {
  static final int EPOCHS = 30;
  static final double LEARNING_RATE = 0.01;
  static final double ADAGRAD_EPSILON = 0.1;

  private final HeadKind kind;
  private final Model<?> model;
  private final Standardiser standardiser;
  private final List<String> outputs;
  private final String[] features;

  private LinearHead(
      HeadKind kind, Model<?> model, Standardiser standardiser, List<String> outputs, int dims) {
    this.kind = kind;
    this.model = model;
    this.standardiser = standardiser;
    this.outputs = outputs;
    this.features = featureNames(dims);
  }

  /** Trains a label head; outputs are in Tribuo's order, which the exported ONNX keeps. */
  static LinearHead trainLabels(List<float[]> x, List<String> labels, long seed) {
    TribuoLogBridge.install();
    Standardiser std = Standardiser.fit(x);
    String[] names = featureNames(x.get(0).length);
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("musetag-folders", factory), factory);
    for (int i = 0; i < x.size(); i++) {
      data.add(new ArrayExample<>(new Label(labels.get(i)), names, std.apply(x.get(i))));
    }
    var trainer =
        new org.tribuo.classification.sgd.linear.LinearSGDTrainer(
            new LogMulticlass(), new AdaGrad(LEARNING_RATE, ADAGRAD_EPSILON), EPOCHS, -1, 1, seed);
    Model<Label> model = trainer.train(data);
    List<String> outputs = new ArrayList<>();
    for (int i = 0; i < model.getOutputIDInfo().size(); i++) {
      outputs.add(model.getOutputIDInfo().getOutput(i).getLabel());
    }
    return new LinearHead(HeadKind.LABELS, model, std, List.copyOf(outputs), names.length);
  }

  /** Trains a valence/arousal head; outputs are named "valence" and "arousal" in the model's order. */
  static LinearHead trainRegression(
      List<float[]> x, double[] valence, double[] arousal, long seed) {
    TribuoLogBridge.install();
    Standardiser std = Standardiser.fit(x);
    String[] names = featureNames(x.get(0).length);
    RegressionFactory factory = new RegressionFactory();
    MutableDataset<Regressor> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("musetag-ratings", factory), factory);
    for (int i = 0; i < x.size(); i++) {
      Regressor y =
          new Regressor(
              new String[] {HeadCard.VALENCE, HeadCard.AROUSAL},
              new double[] {valence[i], arousal[i]});
      data.add(new ArrayExample<>(y, names, std.apply(x.get(i))));
    }
    var trainer =
        new org.tribuo.regression.sgd.linear.LinearSGDTrainer(
            new SquaredLoss(), new AdaGrad(LEARNING_RATE, ADAGRAD_EPSILON), EPOCHS, -1, 1, seed);
    Model<Regressor> model = trainer.train(data);
    List<String> outputs = new ArrayList<>();
    for (int i = 0; i < model.getOutputIDInfo().size(); i++) {
      outputs.add(model.getOutputIDInfo().getOutput(i).getNames()[0]);
    }
    return new LinearHead(HeadKind.REGRESSION, model, std, List.copyOf(outputs), names.length);
  }

  /** Feature names that sort in embedding order, so Tribuo's feature ids are the embedding's indices. */
  private static String[] featureNames(int dims) {
    String[] names = new String[dims];
    for (int j = 0; j < dims; j++) {
      names[j] = String.format(Locale.ROOT, "e%04d", j);
    }
    return names;
  }

  List<String> outputs() {
    return outputs;
  }

  Standardiser standardiser() {
    return standardiser;
  }

  /** Probabilities of {@link #outputs()} (labels), or the values of valence and arousal in that order. */
  @SuppressWarnings("unchecked")
  double[] predict(float[] embedding) {
    double[] x = standardiser.apply(embedding);
    double[] out = new double[outputs.size()];
    if (kind == HeadKind.LABELS) {
      Model<Label> m = (Model<Label>) model;
      Prediction<Label> p = m.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, features, x));
      Map<String, Label> scores = p.getOutputScores();
      for (int i = 0; i < out.length; i++) {
        out[i] = scores.get(outputs.get(i)).getScore();
      }
    } else {
      Model<Regressor> m = (Model<Regressor>) model;
      Regressor r =
          m.predict(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, features, x))
              .getOutput();
      for (int i = 0; i < out.length; i++) {
        out[i] = r.getDimension(outputs.get(i)).orElseThrow().getValue();
      }
    }
    return out;
  }

  /**
   * Writes the head as ONNX through Tribuo's exporter, behind the standardisation: input {@code embedding}
   * float [N, d], output {@code output} float [N, outputs] (softmax probabilities or valence/arousal).
   */
  void exportOnnx(Path file, long version, Map<String, String> metadata) throws IOException {
    ONNXContext onnx = new ONNXContext();
    onnx.setName("musetag-head");
    ONNXPlaceholder input = onnx.floatInput("embedding", features.length);
    ONNXPlaceholder output = onnx.floatOutput("output", outputs.size());
    ONNXNode standardised =
        input
            .apply(ONNXOperators.SUB, onnx.array("embedding_mean", standardiser.mean()))
            .apply(ONNXOperators.MUL, onnx.array("embedding_scale", standardiser.scale()));
    ((ONNXExportable) model).writeONNXGraph(standardised).assignTo(output);
    OnnxMl.ModelProto.Builder proto =
        ONNXExportable.buildModel(onnx, "org.musetag.heads", version, model).toBuilder();
    metadata.forEach(
        (k, v) ->
            proto.addMetadataProps(
                OnnxMl.StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
    try (OutputStream out = Files.newOutputStream(file)) {
      proto.build().writeTo(out);
    }
  }
}
