package org.musetag.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.musetag.audio.AudioFileException;
import org.musetag.dsp.KeyEstimator;
import org.musetag.dsp.TempoEstimator;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;
import org.musetag.ml.ModelException;
import org.musetag.tags.AudioHash;

/**
 * Hears one catalogue track on an executor and turns it into a {@link ResultSchema#TRACK} row. A file on another
 * file system ({@code hdfs://}, {@code s3a://}) is copied to a local temporary file first, since FFmpeg reads local
 * files; a file that cannot be heard becomes a row with its error, never a failed task.
 */
final class TrackHearing {
  private TrackHearing() {}

  static Row hear(String path, long size, long mtimeMs) {
    long start = System.nanoTime();
    Path local = null;
    boolean copied = false;
    String model = "unknown";
    try {
      Listener listener = Listener.get();
      model = listener.modelId();
      URI uri = URI.create(path);
      if (uri.getScheme() == null || uri.getScheme().equals("file")) {
        local = uri.getScheme() == null ? Path.of(path) : Path.of(uri);
      } else {
        local = copyToLocal(uri);
        copied = true;
      }
      String hash = AudioHash.of(local).orElse(null);
      Analysis a = listener.classifier().classify(local, listener.predictor());
      return row(path, size, mtimeMs, hash, a, elapsedMs(start), model);
    } catch (AudioFileException e) {
      return failed(path, size, mtimeMs, "audio", e.getMessage(), start, model);
    } catch (ModelException e) {
      return failed(path, size, mtimeMs, "model", e.getMessage(), start, model);
    } catch (IOException e) {
      return failed(path, size, mtimeMs, "io", path + ": " + e.getMessage(), start, model);
    } catch (Exception | LinkageError e) {
      return failed(
          path,
          size,
          mtimeMs,
          "other",
          path + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(),
          start,
          model);
    } finally {
      if (copied && local != null) {
        try {
          Files.deleteIfExists(local);
        } catch (IOException ignored) {
          // a temporary file; the executor's scratch space is cleaned with it
        }
      }
    }
  }

  private static Path copyToLocal(URI uri) throws IOException {
    String name = Path.of(uri.getPath()).getFileName().toString();
    int dot = name.lastIndexOf('.');
    Path tmp = Files.createTempFile("musetag-track", dot > 0 ? name.substring(dot) : ".audio");
    FileSystem fs = FileSystem.get(uri, new Configuration());
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(uri))) {
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
    }
    return tmp;
  }

  private static Row row(
      String path, long size, long mtimeMs, String hash, Analysis a, long ms, String model) {
    List<Row> genres = new ArrayList<>();
    for (LabelScore g : a.genres()) {
      genres.add(RowFactory.create(g.label(), g.p()));
    }
    Map<String, Double> quadrants = new LinkedHashMap<>(a.quadrants());
    TempoEstimator.Tempo tempo = a.tempoKey().tempo();
    KeyEstimator.Key key = a.tempoKey().key();
    return RowFactory.create(
        path,
        size,
        mtimeMs,
        hash,
        null,
        null,
        seq(genres),
        a.quadrant(),
        scala.jdk.javaapi.CollectionConverters.asScala(quadrants),
        a.valence(),
        a.arousal(),
        a.confidence(),
        seq(floats(a.embedding())),
        tempo == null ? null : tempo.bpm(),
        tempo == null ? null : tempo.confidence(),
        key == null ? null : key.name(),
        key == null ? null : key.confidence(),
        a.tempoKey().method(),
        ms,
        a.model());
  }

  private static Row failed(
      String path, long size, long mtimeMs, String kind, String error, long start, String model) {
    return RowFactory.create(
        path,
        size,
        mtimeMs,
        null,
        error,
        kind,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        elapsedMs(start),
        model);
  }

  private static long elapsedMs(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Spark's row encoder takes Scala collections for array columns. */
  private static <T> Object seq(List<T> values) {
    return scala.jdk.javaapi.CollectionConverters.asScala(values).toSeq();
  }

  private static List<Float> floats(float[] v) {
    List<Float> out = new ArrayList<>(v.length);
    for (float f : v) {
      out.add(f);
    }
    return out;
  }
}
