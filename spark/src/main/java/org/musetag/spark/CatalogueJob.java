package org.musetag.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Musetag's analysis of a whole catalogue on Apache Spark: {@code spark-submit musetag-spark.jar --in URI --out URI
 * [--list] [--partitions N]}. Lists the audio files under {@code --in} (any Hadoop file system; with {@code --list},
 * {@code --in} is a text file of paths, one a line), skips those already in {@code --out} with the same size and
 * modification time, hears the rest on the executors and appends one row per track to {@code OUT/tracks} (Parquet,
 * partitioned by model) and to {@code OUT/tracks-json} (the same rows as gzipped JSON lines, which {@code musetag
 * import} reads), then writes {@code OUT/summary.json} (docs/decisions/0017-catalogue-on-spark.md).
 */
public final class CatalogueJob {
  /** What one run did, as {@code summary.json} says it. */
  public record Summary(
      long listed, long alreadyDone, long heard, Map<String, Long> failures, double seconds) {
    double tracksPerSecond() {
      return seconds > 0 ? heard / seconds : 0;
    }

    String toJson() {
      StringBuilder f = new StringBuilder("{");
      failures.forEach(
          (k, v) ->
              f.append(f.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
      f.append('}');
      return String.format(
          Locale.ROOT,
          "{\"listed\":%d,\"already_done\":%d,\"heard\":%d,\"failed\":%d,\"failures_by_kind\":%s,"
              + "\"seconds\":%.1f,\"tracks_per_second\":%.2f}",
          listed,
          alreadyDone,
          heard,
          failures.values().stream().mapToLong(Long::longValue).sum(),
          f,
          seconds,
          tracksPerSecond());
    }
  }

  /**
   * The same rows as JSON lines (gzip), for {@code musetag import}: the desktop reads them with the JSON library it
   * already has instead of a Parquet reader and Hadoop (decision 0017).
   */
  public static final String JSON_EXPORT = "tracks-json";

  private static final StructType LISTED =
      new StructType()
          .add("path", DataTypes.StringType, false)
          .add("size", DataTypes.LongType, false)
          .add("mtime_ms", DataTypes.LongType, false);

  private CatalogueJob() {}

  public static void main(String[] args) throws Exception {
    String in = null;
    String out = null;
    boolean list = false;
    int partitions = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--in" -> in = args[++i];
        case "--out" -> out = args[++i];
        case "--list" -> list = true;
        case "--partitions" -> partitions = Integer.parseInt(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "usage: CatalogueJob --in URI --out URI [--list] [--partitions N] (not "
                    + args[i]
                    + ")");
      }
    }
    if (in == null || out == null) {
      throw new IllegalArgumentException(
          "usage: CatalogueJob --in URI --out URI [--list] [--partitions N]");
    }
    SparkSession spark = SparkSession.builder().appName("musetag catalogue").getOrCreate();
    try {
      Summary s = run(spark, in, out, list, partitions);
      System.out.println(s.toJson());
    } finally {
      spark.stop();
    }
  }

  /** Runs the job in {@code spark}; see the class comment. */
  public static Summary run(SparkSession spark, String in, String out, boolean list, int partitions)
      throws IOException {
    long start = System.nanoTime();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<Row> listed =
        list ? Listing.fromList(new Path(in), conf) : Listing.under(new Path(in), conf);
    Path tracks = new Path(out, "tracks");
    Dataset<Row> todo = spark.createDataFrame(listed, LISTED);
    FileSystem outFs = tracks.getFileSystem(conf);
    if (outFs.exists(tracks)) {
      Dataset<Row> done = spark.read().schema(ResultSchema.TRACK).parquet(tracks.toString());
      Dataset<Row> kept =
          todo.join(
              done.select("path", "size", "mtime_ms"),
              todo.col("path")
                  .equalTo(done.col("path"))
                  .and(todo.col("size").equalTo(done.col("size")))
                  .and(todo.col("mtime_ms").equalTo(done.col("mtime_ms"))),
              "left_anti");
      todo = kept;
    }
    List<Row> pending = todo.collectAsList();
    long alreadyDone = listed.size() - pending.size();
    Map<String, Long> failures = new TreeMap<>();
    if (!pending.isEmpty()) {
      int slices =
          Math.max(
              1,
              Math.min(
                  pending.size(),
                  partitions > 0 ? partitions : 4 * spark.sparkContext().defaultParallelism()));
      JavaRDD<Row> heard =
          JavaSparkContext.fromSparkContext(spark.sparkContext())
              .parallelize(pending, slices)
              .map(r -> TrackHearing.hear(r.getString(0), r.getLong(1), r.getLong(2)));
      Dataset<Row> rows = spark.createDataFrame(heard, ResultSchema.TRACK).cache();
      rows.write().mode(SaveMode.Append).partitionBy("model").parquet(tracks.toString());
      rows.write()
          .mode(SaveMode.Append)
          .option("compression", "gzip")
          .json(new Path(out, JSON_EXPORT).toString());
      for (Row r : rows.filter("error IS NOT NULL").groupBy("error_kind").count().collectAsList()) {
        failures.put(r.getString(0), r.getLong(1));
      }
      rows.unpersist();
    }
    Summary s =
        new Summary(
            listed.size(),
            alreadyDone,
            pending.size(),
            failures,
            (System.nanoTime() - start) / 1e9);
    try (OutputStream o = outFs.create(new Path(out, "summary.json"), true)) {
      o.write((s.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return s;
  }

  /** Finds the catalogue's audio files. */
  static final class Listing {
    private Listing() {}

    static List<Row> under(Path root, Configuration conf) throws IOException {
      List<Row> out = new ArrayList<>();
      FileSystem fs = root.getFileSystem(conf);
      var it = fs.listFiles(root, true);
      while (it.hasNext()) {
        var f = it.next();
        if (f.isFile()
            && org.musetag.library.AudioFiles.looksLikeAudio(
                java.nio.file.Path.of(f.getPath().getName()))) {
          out.add(
              RowFactory.create(
                  f.getPath().toUri().toString(), f.getLen(), f.getModificationTime()));
        }
      }
      out.sort(java.util.Comparator.comparing(r -> r.getString(0)));
      return out;
    }

    /**
     * One spelling per file, whichever way it was found, so a run by folder and a run by list recognise each other's
     * rows: the URI with its escapes, {@code file:/music/a%20b.ogg} for local files (not {@code file:///}).
     */
    static String canonical(Path qualified) {
      java.net.URI u = qualified.toUri();
      return "file".equals(u.getScheme()) ? "file:" + u.getRawPath() : u.toString();
    }

    /** The files a list names, one path a line as people write them (not URL-escaped); blank and # lines skipped. */
    static List<Row> fromList(Path listFile, Configuration conf) throws IOException {
      FileSystem fs = listFile.getFileSystem(conf);
      List<Row> out = new ArrayList<>();
      try (var r =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(fs.open(listFile), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          Path p = new Path(line.strip());
          FileSystem pfs = p.getFileSystem(conf);
          try {
            var st = pfs.getFileStatus(p);
            out.add(
                RowFactory.create(
                    pfs.makeQualified(p).toUri().toString(),
                    st.getLen(),
                    st.getModificationTime()));
          } catch (java.io.FileNotFoundException e) {
            out.add(RowFactory.create(pfs.makeQualified(p).toUri().toString(), -1L, -1L));
          }
        }
      }
      return out;
    }
  }
}
