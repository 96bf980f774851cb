package org.musetag.ml.heads;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.musetag.ml.heads.metrics.Evaluation;

/**
 * The model card of a trained head, for machines ({@code card.json}) and people ({@code card.md}): what it predicts,
 * what it learned from (counts and warnings), how well it did in cross-validation beside the bundled model, and
 * what made it. Written next to {@code head.onnx} in the registry; the registry and {@link HeadSet} read it back.
 *
 * @param outputs the labels (or "valence", "arousal") in the order of the ONNX output
 * @param tagField the tag field a label head's labels are written to (e.g. "OCCASION"); null for regression
 * @param backbone the bundled model whose embeddings the head reads ("musetag-base@1.0.0"); a head only works on
 *     the embeddings of that model
 * @param trainedFrom the label folder (label heads) or ratings CSV (regression heads) it was trained from, as an
 *     absolute path, so that it can be trained again on a new bundled model; with {@link #tagField} that is all a
 *     training run takes. Null on cards written before it was recorded.
 */
public record HeadCard(
    String name,
    int version,
    HeadKind kind,
    String created,
    String musetagVersion,
    String backbone,
    List<String> outputs,
    String tagField,
    Data data,
    Training training,
    Evaluation evaluation,
    String trainedFrom) {
  public static final String JSON = "card.json";
  public static final String MARKDOWN = "card.md";
  public static final String ONNX = "head.onnx";

  /** The outputs of a regression head, as {@link #outputs()} names them. */
  public static final String VALENCE = "valence";

  public static final String AROUSAL = "arousal";

  private static final Gson GSON =
      new GsonBuilder()
          .setPrettyPrinting()
          .disableHtmlEscaping()
          .serializeSpecialFloatingPointValues()
          .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
          .create();

  /** What the head learned from. */
  public record Data(
      String source,
      int files,
      int used,
      Map<String, Integer> counts,
      Map<String, String> unreadable,
      List<String> warnings) {}

  /** How it was trained, in words and numbers. */
  public record Training(
      String trainer, String standardisation, int features, long seed, double seconds) {}

  public String id() {
    return name + "@" + version;
  }

  /** Whether the head reads another model's embeddings than {@code currentBackbone}'s, and so is not applied. */
  public boolean needsRetraining(String currentBackbone) {
    return !currentBackbone.equals(backbone);
  }

  /**
   * "usable", or "needs retraining (trained on musetag-base@1.0.0)" when it reads another model's embeddings than
   * {@code currentBackbone}'s: what {@code musetag models list} and the Expert pane both say of a version.
   */
  public String status(String currentBackbone) {
    return needsRetraining(currentBackbone)
        ? "needs retraining (trained on " + backbone + ")"
        : "usable";
  }

  /**
   * Where the head's examples were: {@link #trainedFrom}, or on older cards the data's source when it was named by
   * an absolute path; null when the card does not say.
   */
  public Path trainingInput() {
    if (trainedFrom != null) {
      return Path.of(trainedFrom);
    }
    if (data != null && data.source() != null && Path.of(data.source()).isAbsolute()) {
      return Path.of(data.source());
    }
    return null;
  }

  String toJson() {
    return GSON.toJson(this);
  }

  public void write(Path dir) throws IOException {
    Files.writeString(dir.resolve(JSON), toJson() + "\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(MARKDOWN), HeadCardMarkdown.render(this), StandardCharsets.UTF_8);
  }

  static HeadCard read(Path dir) throws HeadException {
    Path file = dir.resolve(JSON);
    try {
      HeadCard card = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), HeadCard.class);
      if (card == null || card.name() == null || card.kind() == null || card.outputs() == null) {
        throw new HeadException(file + " is not a head's model card");
      }
      return card;
    } catch (IOException | JsonParseException e) {
      throw new HeadException("cannot read the model card " + file + ": " + e.getMessage(), e);
    }
  }
}
