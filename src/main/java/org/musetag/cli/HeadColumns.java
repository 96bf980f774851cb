package org.musetag.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.musetag.app.Services;
import org.musetag.ml.Analysis;
import org.musetag.ml.PatchModel;
import org.musetag.ml.heads.HeadException;
import org.musetag.ml.heads.HeadKind;
import org.musetag.ml.heads.HeadOutput;
import org.musetag.ml.heads.HeadRegistry;
import org.musetag.ml.heads.HeadSet;
import org.musetag.ml.heads.HeadedAnalysis;

/**
 * The active heads on the command line: loads them for a command that classifies, and adds their outputs to its
 * JSON row as {@code "heads": {"NAME": [{"label", "p"}...]}} (label heads) or {@code {"valence", "arousal"}}
 * (regression heads, whose values also replace the row's own), and each label head's tag field as
 * {@code "head_tag_fields": {"NAME": "FIELD"}} (where {@code musetag tag} writes its labels). With no active head the
 * row is left exactly as it was, key for key.
 */
final class HeadColumns {
  private HeadColumns() {}

  /**
   * The active heads that read {@code model}'s embeddings; a notice on {@code err} for each one left out. A registry
   * that cannot be read is reported and classification goes on with the bundled model alone.
   */
  static HeadSet load(Services services, PatchModel model, PrintWriter err) {
    return load(services, model.id(), err);
  }

  /** The same for a command that reads stored analyses of the backbone {@code backbone} ("name@version"). */
  static HeadSet load(Services services, String backbone, PrintWriter err) {
    HeadRegistry registry = ModelsCommand.registry(services);
    try {
      return HeadSet.active(registry, backbone, notice -> notice(err, notice));
    } catch (HeadException e) {
      notice(err, "the trained heads are not used: " + e.getMessage());
      return HeadSet.none();
    }
  }

  /**
   * {@code a} with the active heads applied; when a head fails on this file, the row gets {@code "heads_error"} and
   * the bundled model's analysis is kept.
   */
  static HeadedAnalysis apply(HeadSet heads, Analysis a, Map<String, Object> row) {
    try {
      return heads.apply(a);
    } catch (HeadException e) {
      row.put("heads_error", e.getMessage());
      return new HeadedAnalysis(a, Map.of());
    }
  }

  private static void notice(PrintWriter err, String notice) {
    err.println("musetag: " + notice);
    err.flush();
  }

  static void put(HeadedAnalysis headed, Map<String, Object> row) {
    if (headed.heads().isEmpty()) {
      return;
    }
    Map<String, Object> heads = new LinkedHashMap<>();
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Map.Entry<String, HeadOutput> e : headed.heads().entrySet()) {
      HeadOutput h = e.getValue();
      if (h.kind() == HeadKind.REGRESSION) {
        Map<String, Object> va = new LinkedHashMap<>();
        va.put("valence", round(h.valence()));
        va.put("arousal", round(h.arousal()));
        heads.put(e.getKey(), va);
      } else {
        heads.put(
            e.getKey(),
            h.labels().stream()
                .map(
                    s -> {
                      Map<String, Object> m = new LinkedHashMap<>();
                      m.put("label", s.label());
                      m.put("p", round(s.p()));
                      return m;
                    })
                .toList());
        fields.put(e.getKey(), h.tagField());
      }
    }
    row.put("heads", heads);
    if (!fields.isEmpty()) {
      row.put("head_tag_fields", fields);
    }
  }

  private static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}
