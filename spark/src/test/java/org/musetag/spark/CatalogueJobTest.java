package org.musetag.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.app.Wiring;
import org.musetag.cli.MusetagCommand;
import org.musetag.library.AnalysisStore.Analysed;
import org.musetag.library.Library;
import org.musetag.ml.Analysis;
import picocli.CommandLine;

/**
 * The catalogue job in Spark's local mode on the small real library plus three bad files: every track heard as
 * {@code musetag analyze} hears it, bad files as rows with their reasons, and a second run that hears nothing new.
 */
class CatalogueJobTest {
  @TempDir static Path dir;
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("musetag-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static int cli(String... args) {
    return cli(new StringWriter(), args);
  }

  private static int cli(StringWriter out, String... args) {
    CommandLine cli = MusetagCommand.commandLine(Wiring.create());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }

  private static String dryRun(Path db) {
    StringWriter out = new StringWriter();
    assertThat(cli(out, "tag", "--db", db.toString(), "--dry-run")).isZero();
    return out.toString();
  }

  @Test
  void everyTrackIsHeardAsAnalyzeHearsItBadFilesAreRowsAndASecondRunHearsNothing()
      throws Exception {
    String real = System.getenv("MUSETAG_REAL_LIBRARY");
    assumeTrue(
        real != null && !real.isBlank() && Files.isDirectory(Path.of(real)),
        "needs the small real library (MUSETAG_REAL_LIBRARY; .ci/run builds it)");
    Path music = Files.createDirectories(dir.resolve("catalogue"));
    try (Stream<Path> files = Files.walk(Path.of(real))) {
      for (Path f : files.filter(p -> p.toString().matches(".*\\.(ogg|mp3)$")).toList()) {
        Files.copy(f, music.resolve(f.getFileName()));
      }
    }
    Files.write(music.resolve("empty.flac"), new byte[0]);
    Files.writeString(music.resolve("notes.mp3"), "not audio at all, only words\n".repeat(200));
    byte[] some =
        Files.readAllBytes(
            Files.list(music).filter(p -> p.toString().endsWith(".ogg")).findFirst().orElseThrow());
    Files.write(music.resolve("cut.ogg"), java.util.Arrays.copyOf(some, 300));
    long tracks;
    try (Stream<Path> files = Files.list(music)) {
      tracks = files.count();
    }
    System.setProperty("musetag.home", dir.resolve("home").toString());
    Path db = dir.resolve("library.db");
    assertThat(cli("scan", music.toString(), "--db", db.toString())).isIn(0, 1);
    cli("analyze", "--db", db.toString());
    Map<Path, Analysis> desktop = new HashMap<>();
    String model;
    try (Library library = Library.open(db)) {
      model = library.analyses().newestModel();
      for (Analysed a : library.analyses().find(model, null, null)) {
        desktop.put(a.track().path(), a.analysis());
      }
    }
    assertThat(desktop).hasSize((int) tracks - 3);

    String out = dir.resolve("out").toUri().toString();
    CatalogueJob.Summary first = CatalogueJob.run(spark, music.toUri().toString(), out, false, 0);

    assertThat(first.listed()).isEqualTo(tracks);
    assertThat(first.heard()).isEqualTo(tracks);
    assertThat(first.failures().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
    List<Row> rows = spark.read().parquet(out + "/tracks").collectAsList();
    assertThat(rows).hasSize((int) tracks);
    int compared = 0;
    for (Row r : rows) {
      Path p = Path.of(URI.create(r.getAs("path")));
      if (r.getAs("error") != null) {
        assertThat(p.getFileName().toString()).isIn("empty.flac", "notes.mp3", "cut.ogg");
        assertThat((String) r.getAs("error")).isNotBlank();
        continue;
      }
      Analysis a = desktop.get(p);
      assertThat(a).as("analyze heard %s", p).isNotNull();
      assertThat((String) r.getAs("model")).isEqualTo(model);
      assertThat((String) r.getAs("quadrant")).isEqualTo(a.quadrant());
      List<Row> genres = r.getList(r.fieldIndex("genres"));
      assertThat(genres.get(0).getString(0)).isEqualTo(a.genres().get(0).label());
      assertThat(genres.stream().map(g -> g.getString(0)).toList())
          .isEqualTo(a.genres().stream().map(g -> g.label()).toList());
      for (int g = 0; g < genres.size(); g++) {
        assertThat(genres.get(g).getDouble(1)).isCloseTo(a.genres().get(g).p(), within(1e-5));
      }
      Map<String, Double> quadrants = r.getJavaMap(r.fieldIndex("quadrants"));
      a.quadrants().forEach((q, pq) -> assertThat(quadrants.get(q)).isCloseTo(pq, within(1e-5)));
      List<Float> embedding = r.getList(r.fieldIndex("embedding"));
      assertThat(embedding).hasSize(a.embedding().length);
      for (int i = 0; i < embedding.size(); i++) {
        assertThat((double) embedding.get(i)).isCloseTo(a.embedding()[i], within(1e-5));
      }
      if (a.tempoKey().key() != null) {
        assertThat((String) r.getAs("musical_key")).isEqualTo(a.tempoKey().key().name());
      }
      assertThat((double) r.getAs("valence")).isCloseTo(a.valence(), within(1e-5));
      assertThat((double) r.getAs("arousal")).isCloseTo(a.arousal(), within(1e-5));
      assertThat((double) r.getAs("confidence")).isCloseTo(a.confidence(), within(1e-5));
      assertThat((String) r.getAs("audio_sha256")).hasSize(64);
      if (a.tempoKey().tempo() != null) {
        assertThat((double) r.getAs("bpm")).isCloseTo(a.tempoKey().tempo().bpm(), within(1e-5));
      }
      compared++;
    }
    assertThat(compared).isEqualTo((int) tracks - 3);

    Path imported = dir.resolve("imported.db");
    StringWriter report = new StringWriter();
    assertThat(cli(report, "import", "--db", imported.toString(), dir.resolve("out").toString()))
        .isZero();
    assertThat(report.toString()).contains("\"imported\":" + (tracks - 3));
    assertThat(dryRun(imported)).isEqualTo(dryRun(db)).contains("would change");

    Path alias = Files.createSymbolicLink(dir.resolve("elsewhere"), music);
    Path mapped = dir.resolve("mapped.db");
    StringWriter mappedReport = new StringWriter();
    cli(
        mappedReport,
        "import",
        "--db",
        mapped.toString(),
        dir.resolve("out").toString(),
        "--map",
        "file:" + music + "/=" + alias + "/");
    assertThat(mappedReport.toString()).contains("\"imported\":" + (tracks - 3));
    try (Library library = Library.open(mapped)) {
      assertThat(library.analyses().find(model, null, null))
          .allMatch(a -> a.track().path().startsWith(alias));
    }

    Path list = dir.resolve("some.txt");
    List<String> three = rows.stream().limit(3).map(r -> (String) r.getAs("path")).toList();
    Files.write(list, three.stream().map(u -> Path.of(URI.create(u)).toString()).toList());
    String listOut = dir.resolve("out-list").toUri().toString();
    CatalogueJob.Summary listed =
        CatalogueJob.run(spark, list.toUri().toString(), listOut, true, 0);
    assertThat(listed.listed()).isEqualTo(3);
    assertThat(spark.read().parquet(listOut + "/tracks").select("path").collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactlyInAnyOrderElementsOf(three);

    CatalogueJob.Summary second = CatalogueJob.run(spark, music.toUri().toString(), out, false, 0);
    assertThat(second.alreadyDone()).isEqualTo(tracks);
    assertThat(second.heard()).isZero();
    assertThat(spark.read().parquet(out + "/tracks").count()).isEqualTo(tracks);
    assertThat(Listener.sessionsOpened())
        .as("the model is loaded once per executor JVM (local mode: one JVM, two task threads)")
        .isEqualTo(1);
  }
}
