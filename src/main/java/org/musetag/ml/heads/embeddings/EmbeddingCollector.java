package org.musetag.ml.heads.embeddings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.musetag.MusetagException;
import org.musetag.audio.AudioFileException;
import org.musetag.ml.ParallelListening;
import org.musetag.ml.PatchPredictor;
import org.musetag.ml.TrackClassifier;
import org.musetag.ml.heads.HeadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the backbone's embedding (and its own outputs) for every training file: from the {@link EmbeddingStore}
 * where the file is unchanged since it was last heard, otherwise by classifying it on {@link ParallelListening}
 * (the same engine as {@code ClassifyJob}; the model is loaded only then). Newly heard files are stored from the calling thread in batches, so an interrupted run keeps its work.
 * Files that cannot be read are collected with the reason; the others go on.
 */
public final class EmbeddingCollector {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddingCollector.class);
  private static final int STORE_BATCH = 25;

  /** Progress of the listening part, on the calling thread. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);
  }

  /**
   * @param heard the readable files in input order (a path listed twice appears once)
   * @param unreadable why each other file could not be used, by path
   */
  public record Result(
      List<EmbeddingStore.Entry> heard, Map<Path, String> unreadable, int cached, int computed) {}

  private record Outcome(EmbeddingStore.Entry entry, String problem) {}

  private final Backbone backbone;
  private final EmbeddingStore store;
  private final ExecutorService executor;
  private final int workers;

  public EmbeddingCollector(
      Backbone backbone, EmbeddingStore store, ExecutorService executor, int workers) {
    this.backbone = backbone;
    this.store = store;
    this.executor = executor;
    this.workers = Math.max(1, workers);
  }

  /** The id of the model whose embeddings are collected. */
  public String backbone() {
    return backbone.id();
  }

  public Result collect(List<Path> files, Progress progress, BooleanSupplier cancelled)
      throws MusetagException {
    Map<Path, String> unreadable = new LinkedHashMap<>();
    Map<Path, EmbeddingStore.Stamp> stamps = new LinkedHashMap<>();
    for (Path f : files) {
      try {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        stamps.put(f, new EmbeddingStore.Stamp(f, a.size(), a.lastModifiedTime().toMillis()));
      } catch (IOException e) {
        unreadable.put(
            f, "cannot be read (" + (Files.exists(f) ? e.getMessage() : "it does not exist") + ")");
      }
    }
    Map<Path, EmbeddingStore.Entry> known =
        new LinkedHashMap<>(store.lookup(List.copyOf(stamps.values()), backbone()));
    List<EmbeddingStore.Stamp> todo =
        stamps.values().stream().filter(s -> !known.containsKey(s.path())).toList();
    int cached = known.size();
    progress.update(cached, stamps.size());
    List<EmbeddingStore.Entry> pending = new ArrayList<>();
    int[] done = {0};
    AtomicReference<MusetagException> storeFailed = new AtomicReference<>();
    if (!todo.isEmpty()) {
      TrackClassifier classifier = backbone.classifier();
      try {
        new ParallelListening(classifier.model(), executor, workers)
            .run(
                todo,
                (stamp, predictor) -> hear(classifier, stamp, predictor),
                o -> {
                  if (storeFailed.get() != null) {
                    return;
                  }
                  Path file = todo.get(done[0]).path();
                  if (o.entry() != null) {
                    known.put(file, o.entry());
                    pending.add(o.entry());
                  } else {
                    unreadable.put(file, o.problem());
                  }
                  if (pending.size() >= STORE_BATCH) {
                    try {
                      store.store(List.copyOf(pending));
                      pending.clear();
                    } catch (MusetagException e) {
                      storeFailed.set(e); // stops the workers taking more; thrown below
                    }
                  }
                  progress.update(cached + ++done[0], stamps.size());
                },
                () -> storeFailed.get() != null || cancelled.getAsBoolean());
      } catch (CompletionException e) {
        String code = "E-" + Integer.toHexString(System.identityHashCode(e));
        LOG.error("a listening worker failed [{}]", code, e.getCause());
        throw new HeadException(
            "the backbone model could not be run (error code " + code + ")", e.getCause());
      }
    }
    if (storeFailed.get() != null) {
      throw storeFailed.get();
    }
    store.store(pending);
    if (cancelled.getAsBoolean()) {
      throw new HeadException(
          "training was cancelled; what was heard so far is kept for the next run");
    }
    List<EmbeddingStore.Entry> heard = new ArrayList<>();
    stamps.keySet().stream().filter(known::containsKey).forEach(p -> heard.add(known.get(p)));
    return new Result(heard, unreadable, cached, todo.size());
  }

  private static Outcome hear(
      TrackClassifier classifier, EmbeddingStore.Stamp stamp, PatchPredictor predictor) {
    Path file = stamp.path();
    try {
      String sha = sha256(file);
      return new Outcome(
          new EmbeddingStore.Entry(stamp, sha, classifier.classify(file, predictor)), null);
    } catch (AudioFileException e) {
      return new Outcome(null, e.reason());
    } catch (MusetagException e) {
      return new Outcome(null, e.getMessage());
    } catch (IOException e) {
      return new Outcome(null, "cannot be read (" + e.getMessage() + ")");
    } catch (RuntimeException e) {
      String code = "E-" + Integer.toHexString(System.identityHashCode(e));
      LOG.error("unexpected failure on {} [{}]", file, code, e);
      return new Outcome(
          null, "unexpected failure (" + e.getClass().getSimpleName() + "), error code " + code);
    }
  }

  static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
