package org.musetag.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.musetag.app.Services;
import org.musetag.dsp.KeyEstimator;
import org.musetag.dsp.TempoEstimator;
import org.musetag.jobs.ClassifyJob;
import org.musetag.ml.Analysis;
import org.musetag.ml.InferenceDevice;
import org.musetag.ml.LabelScore;
import org.musetag.ml.ModelException;
import org.musetag.ml.PatchModel;
import org.musetag.ml.TrackClassifier;
import org.musetag.ml.heads.HeadSet;
import org.musetag.ml.heads.HeadedAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code musetag classify FILE...}: genre, mood quadrant and valence/arousal per file, one JSON object per line. */
@Command(
    name = "classify",
    description =
        "Listen to audio files and print genre, mood quadrant and valence/arousal as JSON lines.")
final class ClassifyCommand implements Callable<Integer> {
  private static final int TOP_TAGS = 5;

  private final Services services;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "audio files")
  List<Path> files;

  @Mixin ModelOptions options;

  ClassifyCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws ModelException {
    JsonLines out = new JsonLines(spec.commandLine().getOut());
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = services.executors().apply(options.threads);
    PatchModel model = options.load(services, spec.commandLine().getErr());
    try (HeadSet heads = HeadColumns.load(services, model, spec.commandLine().getErr())) {
      InferenceDevice dev = model.device();
      TrackClassifier classifier = services.model().classifier();
      new ClassifyJob(classifier, pool, options.threads)
          .run(
              files,
              outcome -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("path", outcome.file().toString());
                if (outcome.analysis() != null) {
                  HeadedAnalysis headed = HeadColumns.apply(heads, outcome.analysis(), row);
                  describe(headed.analysis(), dev, row);
                  HeadColumns.put(headed, row);
                } else {
                  failed.incrementAndGet();
                  row.put("error", outcome.error());
                }
                out.write(row);
              });
    } finally {
      pool.shutdownNow();
    }
    return failed.get() == 0 ? 0 : 1;
  }

  private static void describe(Analysis a, InferenceDevice dev, Map<String, Object> row) {
    row.put("genres", scores(a.genres()));
    row.put("quadrant", a.quadrant());
    Map<String, Double> quadrants = new LinkedHashMap<>();
    a.quadrants().forEach((k, v) -> quadrants.put(k, round(v)));
    row.put("quadrants", quadrants);
    row.put("valence", round(a.valence()));
    row.put("arousal", round(a.arousal()));
    row.put("confidence", round(a.confidence()));
    TempoEstimator.Tempo tempo = a.tempoKey().tempo();
    if (tempo != null) {
      row.put("bpm", tempo.bpm());
      row.put("bpm_confidence", round(tempo.confidence()));
    }
    KeyEstimator.Key key = a.tempoKey().key();
    if (key != null) {
      row.put("key", key.name());
      row.put("key_camelot", key.camelot());
      row.put("key_confidence", round(key.confidence()));
    }
    row.put("model", a.model());
    row.put("device", dev.gpu() ? "gpu" : "cpu");
    if (!a.tags().isEmpty()) {
      row.put("tags", tags(a));
    }
    if (!a.notes().isEmpty()) {
      row.put("notes", a.notes());
    }
  }

  /**
   * The model's extra tag outputs, each its {@value #TOP_TAGS} most likely labels, keyed by the output's name
   * without its {@code tags_} prefix ({@code tags_msd} is {@code msd}; {@code audioset_music} stays as it is).
   */
  private static Map<String, Object> tags(Analysis a) {
    Map<String, Object> tags = new LinkedHashMap<>();
    a.tags()
        .forEach(
            (name, scores) ->
                tags.put(
                    name.replaceFirst("^tags_", ""),
                    scores(scores.subList(0, Math.min(TOP_TAGS, scores.size())))));
    return tags;
  }

  private static List<Map<String, Object>> scores(List<LabelScore> scores) {
    return scores.stream()
        .map(
            g -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("label", g.label());
              m.put("p", round(g.p()));
              return m;
            })
        .toList();
  }

  private static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}
