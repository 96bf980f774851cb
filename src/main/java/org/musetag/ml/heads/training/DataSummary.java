package org.musetag.ml.heads.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.musetag.ml.heads.HeadException;
import org.musetag.ml.heads.HeadKind;
import org.musetag.ml.heads.embeddings.EmbeddingCollector;
import org.musetag.ml.heads.embeddings.EmbeddingStore;
import org.musetag.ml.heads.input.TrainingInput;
import org.musetag.ml.heads.input.TrainingItem;

/**
 * What the training data looks like once every file was heard: examples per class, what could not be used and
 * why, and the warnings a user should read before trusting the result. Also the samples themselves.
 *
 * @param counts usable examples per label, by label (regression: one entry, "rated")
 * @param files files handed in
 * @param unreadable files that could not be read, with the reason
 * @param warnings sentences, in the order: input, unreadable files, duplicates, small classes, imbalance
 */
public record DataSummary(
    HeadKind kind,
    String source,
    Map<String, Integer> counts,
    int files,
    Map<String, String> unreadable,
    List<String> warnings,
    List<Sample> samples) {
  public static final int FEW_EXAMPLES = 10;
  public static final double HEAVY_IMBALANCE = 5.0;
  static final int MIN_RATED = 3;

  /** Joins what the user gave with what was heard; refuses data that cannot make a head. */
  public static DataSummary of(TrainingInput input, EmbeddingCollector.Result heard)
      throws HeadException {
    Map<Path, EmbeddingStore.Entry> byPath = new HashMap<>();
    heard.heard().forEach(e -> byPath.put(e.stamp().path(), e));
    List<String> warnings = new ArrayList<>(input.warnings());
    Map<String, String> unreadable = new LinkedHashMap<>();
    heard
        .unreadable()
        .forEach(
            (p, why) -> {
              unreadable.put(p.toString(), why);
              warnings.add(p + ": " + why + "; not used");
            });
    Set<TrainingItem> repeats = duplicates(input.items(), byPath, warnings);
    List<Sample> samples = new ArrayList<>();
    for (TrainingItem item : input.items()) {
      EmbeddingStore.Entry e = byPath.get(item.file());
      if (e != null && !repeats.contains(item)) {
        samples.add(
            new Sample(item.file(), item.label(), item.valence(), item.arousal(), e.analysis()));
      }
    }
    Map<String, Integer> counts = counts(input.kind(), samples);
    refuseUnusable(input, heard, counts, samples);
    warnings.addAll(balance(counts, input.kind()));
    return new DataSummary(
        input.kind(), input.source(), counts, input.items().size(), unreadable, warnings, samples);
  }

  /**
   * Files with the same content: a repeat under the same label (or in a CSV) is counted once and returned; the same
   * song under two labels is kept under both, with a warning, since the user may mean it.
   */
  private static Set<TrainingItem> duplicates(
      List<TrainingItem> items, Map<Path, EmbeddingStore.Entry> byPath, List<String> warnings) {
    Map<String, List<TrainingItem>> byHash = new LinkedHashMap<>();
    for (TrainingItem item : items) {
      EmbeddingStore.Entry e = byPath.get(item.file());
      if (e != null) {
        byHash.computeIfAbsent(e.sha256(), h -> new ArrayList<>()).add(item);
      }
    }
    Set<TrainingItem> repeats = new HashSet<>();
    for (List<TrainingItem> same : byHash.values()) {
      Map<String, TrainingItem> firstPerLabel = new LinkedHashMap<>();
      for (TrainingItem item : same) {
        TrainingItem first = firstPerLabel.putIfAbsent(String.valueOf(item.label()), item);
        if (first != null) {
          repeats.add(item);
          warnings.add(
              item.file()
                  + " has the same content as "
                  + first.file()
                  + (item.label() == null ? "" : " (both '" + item.label() + "')")
                  + "; counted once");
        }
      }
      if (firstPerLabel.size() > 1) {
        warnings.add(
            "the same song is in several label folders: "
                + firstPerLabel.entrySet().stream()
                    .map(e -> e.getValue().file() + " ('" + e.getKey() + "')")
                    .collect(Collectors.joining(", "))
                + "; it teaches each of those labels");
      }
    }
    return repeats;
  }

  private static Map<String, Integer> counts(HeadKind kind, List<Sample> samples) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Sample s : samples) {
      counts.merge(kind == HeadKind.LABELS ? s.label() : "rated", 1, Integer::sum);
    }
    return counts;
  }

  private static void refuseUnusable(
      TrainingInput input,
      EmbeddingCollector.Result heard,
      Map<String, Integer> counts,
      List<Sample> samples)
      throws HeadException {
    if (samples.isEmpty()) {
      String first =
          heard.unreadable().entrySet().stream()
              .limit(3)
              .map(e -> e.getKey() + ": " + e.getValue())
              .reduce((a, b) -> a + "; " + b)
              .orElse("");
      throw new HeadException(
          "none of the "
              + input.items().size()
              + " files in "
              + input.source()
              + " could be read"
              + (first.isEmpty() ? "" : " (" + first + ")"));
    }
    if (input.kind() == HeadKind.LABELS && counts.size() < 2) {
      throw new HeadException(
          "only the label '"
              + counts.keySet().iterator().next()
              + "' has readable files in "
              + input.source()
              + ": a head needs at least two labels with songs to tell apart");
    }
    if (input.kind() == HeadKind.REGRESSION && samples.size() < MIN_RATED) {
      throw new HeadException(
          "only "
              + samples.size()
              + " rated file(s) in "
              + input.source()
              + " could be read; a regression head needs at least "
              + MIN_RATED);
    }
  }

  private static List<String> balance(Map<String, Integer> counts, HeadKind kind) {
    List<String> out = new ArrayList<>();
    counts.forEach(
        (label, n) -> {
          if (n < FEW_EXAMPLES) {
            out.add(
                (kind == HeadKind.LABELS ? "label '" + label + "' has" : "there are")
                    + " only "
                    + n
                    + " example(s); with fewer than "
                    + FEW_EXAMPLES
                    + " the head and its scores are unreliable");
          }
        });
    if (kind == HeadKind.LABELS) {
      String most =
          counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      String least =
          counts.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
      double ratio = counts.get(most) / (double) counts.get(least);
      if (ratio > HEAVY_IMBALANCE) {
        out.add(
            String.format(
                java.util.Locale.ROOT,
                "heavy imbalance: '%s' has %d examples, '%s' only %d (%.1f×);"
                    + " the head will lean towards '%s'",
                most,
                counts.get(most),
                least,
                counts.get(least),
                ratio,
                most));
      }
    }
    return out;
  }

  /** Labels in a fixed order (sorted): the order of the head's outputs, its confusion matrix and its card. */
  public List<String> labels() {
    return List.copyOf(counts.keySet());
  }

  public int used() {
    return samples.size();
  }
}
