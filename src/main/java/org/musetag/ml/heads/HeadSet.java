package org.musetag.ml.heads;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;
import org.musetag.tags.TagField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active heads, applied to analyses: what classify, analyze, tag and the circumplex use on top of the bundled
 * model. A label head adds its labels (and, when its labels are exactly Q1..Q4, replaces the quadrant); a regression
 * head replaces valence and arousal (clamped to −1..1). A head that replaces a value of the bundled model is added to
 * the analysis' model id ("musetag-base@1.0.0+va@2"), which is what tags record as the model. Heads only read the
 * embedding, so they can be applied to analyses stored in the library as well as to fresh ones. With no active head,
 * {@link #apply} returns the analysis unchanged and no head outputs, so output is exactly what it was before any
 * head existed.
 *
 * <p>A head made on another backbone's embeddings (the bundled model was updated since) is not used, with a notice.
 */
public final class HeadSet implements AutoCloseable {
  private static final Set<String> QUADRANTS = Set.of("Q1", "Q2", "Q3", "Q4");

  private static final Logger LOG = LoggerFactory.getLogger(HeadSet.class);

  private final List<Head> heads;

  private HeadSet(List<Head> heads) {
    this.heads = List.copyOf(heads);
  }

  /** No heads: the bundled model alone. */
  public static HeadSet none() {
    return new HeadSet(List.of());
  }

  /**
   * Loads the active version of every head in {@code registry} that reads {@code backbone}'s embeddings.
   *
   * @param notices receives a sentence for each head that is active but not used, and why
   */
  public static HeadSet active(HeadRegistry registry, String backbone, Consumer<String> notices)
      throws HeadException {
    List<Head> loaded = new ArrayList<>();
    for (HeadRegistry.Version v : registry.active()) {
      if (v.card().needsRetraining(backbone)) {
        notices.accept(
            "the head "
                + v.card().id()
                + " is not used: it was trained on the embeddings of "
                + v.card().backbone()
                + ", and this Musetag's model is "
                + backbone
                + " (train it again: musetag train --retrain "
                + v.card().name()
                + ", or Retrain in the Expert tab)");
        continue;
      }
      try {
        loaded.add(Head.load(v.dir()));
      } catch (HeadException e) {
        notices.accept("the head " + v.card().id() + " is not used: " + e.getMessage());
      }
    }
    loaded.sort(Comparator.comparing(h -> h.card().name()));
    long regression = loaded.stream().filter(h -> h.card().kind() == HeadKind.REGRESSION).count();
    if (regression > 1) {
      notices.accept(regression + " valence/arousal heads are active; the last by name decides");
    }
    return new HeadSet(loaded);
  }

  public boolean isEmpty() {
    return heads.isEmpty();
  }

  /**
   * The user tag fields of the active label heads, where their labels are written (a head whose stored field name no
   * field can take, from before names were checked, is left out with a warning in the log).
   */
  public Set<TagField> labelFields() {
    Set<TagField> out = new TreeSet<>();
    for (HeadCard card : cards()) {
      if (card.kind() == HeadKind.LABELS && card.tagField() != null) {
        try {
          out.add(TagField.user(card.tagField()));
        } catch (IllegalArgumentException e) {
          LOG.warn("the labels of the head {} are not written: {}", card.id(), e.getMessage());
        }
      }
    }
    return out;
  }

  public List<HeadCard> cards() {
    return heads.stream().map(Head::card).toList();
  }

  public HeadedAnalysis apply(Analysis a) throws HeadException {
    if (heads.isEmpty()) {
      return new HeadedAnalysis(a, Map.of());
    }
    Map<String, HeadOutput> outputs = new TreeMap<>();
    Analysis result = a;
    for (Head head : heads) {
      HeadCard card = head.card();
      float[] out = head.predict(a.embedding());
      if (card.kind() == HeadKind.REGRESSION) {
        double v = clamp(out[card.outputs().indexOf(HeadCard.VALENCE)]);
        double ar = clamp(out[card.outputs().indexOf(HeadCard.AROUSAL)]);
        outputs.put(card.name(), new HeadOutput(card.id(), card.kind(), List.of(), null, v, ar));
        result =
            new Analysis(
                result.genres(),
                result.quadrant(),
                result.quadrants(),
                v,
                ar,
                result.confidence(),
                result.embedding(),
                result.model() + "+" + card.id(),
                result.notes(),
                result.tags(),
                result.tempoKey());
      } else {
        List<LabelScore> scores = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
          scores.add(new LabelScore(card.outputs().get(i), out[i]));
        }
        scores.sort(Comparator.comparingDouble(LabelScore::p).reversed());
        outputs.put(
            card.name(),
            new HeadOutput(
                card.id(),
                card.kind(),
                List.copyOf(scores),
                card.tagField(),
                Double.NaN,
                Double.NaN));
        if (isQuadrantHead(card)) {
          result = withQuadrants(result, scores, card.id());
        }
      }
    }
    return new HeadedAnalysis(result, outputs);
  }

  private static boolean isQuadrantHead(HeadCard card) {
    return card.outputs().size() == 4
        && card.outputs().stream()
            .map(l -> l.toUpperCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toSet())
            .equals(QUADRANTS);
  }

  private static Analysis withQuadrants(Analysis a, List<LabelScore> scores, String head) {
    Map<String, Double> q = new LinkedHashMap<>();
    for (String name : a.quadrants().keySet()) {
      q.put(
          name,
          scores.stream()
              .filter(s -> s.label().equalsIgnoreCase(name))
              .mapToDouble(LabelScore::p)
              .findFirst()
              .orElse(0));
    }
    LabelScore best = scores.get(0);
    return new Analysis(
        a.genres(),
        best.label().toUpperCase(Locale.ROOT),
        q,
        a.valence(),
        a.arousal(),
        best.p(),
        a.embedding(),
        a.model() + "+" + head,
        a.notes(),
        a.tags(),
        a.tempoKey());
  }

  private static double clamp(double x) {
    return Math.max(-1, Math.min(1, x));
  }

  @Override
  public void close() {
    heads.forEach(Head::close);
  }
}
