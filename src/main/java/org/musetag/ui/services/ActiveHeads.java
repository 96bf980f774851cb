package org.musetag.ui.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musetag.ml.Analysis;
import org.musetag.ml.BundledModel;
import org.musetag.ml.ModelException;
import org.musetag.ml.heads.HeadException;
import org.musetag.ml.heads.HeadRegistry;
import org.musetag.ml.heads.HeadSet;
import org.musetag.ml.heads.HeadedAnalysis;
import org.musetag.tags.TagField;
import org.musetag.ui.task.FxThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's active trained heads as the app applies them: to the library's analyses (and so the table's quadrant
 * and the circumplex), to classify cards and to tag plans. Reloaded after an activation, rollback or new version, so
 * the app follows the registry at once, the same way the command line does (docs/decisions/0006). With no active
 * head, {@link #apply} returns the analysis itself.
 */
public final class ActiveHeads implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ActiveHeads.class);

  private final HeadRegistry registry;
  private final BundledModel model;
  private HeadSet heads = HeadSet.none();
  private List<String> notices = List.of();

  /** No heads, ever: for callers that tag with the bundled model alone. */
  public static ActiveHeads none() {
    return new ActiveHeads(null, null);
  }

  public ActiveHeads(HeadRegistry registry, BundledModel model) {
    this.registry = registry;
    this.model = model;
  }

  public HeadRegistry registry() {
    return registry;
  }

  /** The bundled model's id, "name@version", from the model service (no ONNX Runtime needed). Background only. */
  public String backbone() throws ModelException {
    return model.id();
  }

  /**
   * The bundled model's id, whose analyses the app's tag plans read; null for {@link #none()}, which knows no model
   * (its callers read the newest analyses). Background only.
   */
  public String bundledModel() throws ModelException {
    return model == null ? null : model.id();
  }

  /** Loads the active version of every head again. Background only: reads the registry and starts ONNX sessions. */
  public void reload() throws HeadException, ModelException {
    FxThread.checkNotOn("loading the trained heads");
    if (registry == null) {
      return;
    }
    List<String> said = new ArrayList<>();
    HeadSet loaded = HeadSet.active(registry, backbone(), said::add);
    HeadSet old;
    synchronized (this) {
      old = heads;
      heads = loaded;
      notices = List.copyOf(said);
    }
    old.close();
    said.forEach(n -> LOG.warn("{}", n));
  }

  /** The analysis with the active heads applied; the analysis itself when none is active or a head fails. */
  public synchronized Analysis apply(Analysis a) {
    return applyAll(a).analysis();
  }

  /** The analysis with the active heads applied, and what each head said. */
  public synchronized HeadedAnalysis applyAll(Analysis a) {
    if (a == null || heads.isEmpty()) {
      return new HeadedAnalysis(a, Map.of());
    }
    try {
      return heads.apply(a);
    } catch (HeadException e) {
      LOG.warn("trained heads not applied: {}", e.getMessage());
      return new HeadedAnalysis(a, Map.of());
    }
  }

  /** The tag fields of the active label heads, where their labels are written (as {@code musetag tag} does). */
  public synchronized Set<TagField> fields() {
    return heads.labelFields();
  }

  /** "name@version" of each active head, e.g. for the status bar. */
  public synchronized List<String> activeIds() {
    return heads.cards().stream().map(c -> c.id()).toList();
  }

  /** Sentences about heads that are active but not used, and why. */
  public synchronized List<String> notices() {
    return notices;
  }

  @Override
  public synchronized void close() {
    heads.close();
    heads = HeadSet.none();
  }
}
