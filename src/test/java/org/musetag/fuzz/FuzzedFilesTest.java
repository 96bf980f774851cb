package org.musetag.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.app.Services;
import org.musetag.cli.CommandLineRun;
import org.musetag.ml.WaveformTestModel;

/**
 * Musetag against damaged and hostile files: a fixed-seed corpus of mutated copies of richly tagged real files in
 * every supported format ({@link FuzzCorpus}), through {@code info}, {@code classify}, {@code scan} + {@code analyze}
 * and {@code tag} + {@code undo}, as a user would run them. Must hold: nothing escapes as an uncaught Throwable, every
 * file is reported by name, and every file Musetag wrote still carries every tag item it did not mean to change and
 * comes back as it was after undo, as mutagen (an independent reader) sees them. The commands share one set of
 * services whose model is the tiny real waveform graph ({@link WaveformTestModel}): what is tested is what happens
 * to the files, which does not depend on what the model hears (docs/decisions/0019-test-suite-time.md).
 *
 * <p>{@code -Dmusetag.fuzz.perFormat=N} (default 25: the 200 mutated files CI asks for, beside the 8 undamaged base files) scales it; the seed is fixed, so a failure
 * reproduces.
 */
class FuzzedFilesTest {
  private static final long SEED = 20261201L;
  private static final Pattern BATCH = Pattern.compile("batch (\\S+): ");

  @TempDir Path dir;
  private final List<String> violations = new ArrayList<>();

  @Test
  void damagedFilesAreReportedByNameAndNoTagIsLost() throws Exception {
    assumeTrue(
        Tools.available(), "needs the ffmpeg command and python3-mutagen (CI installs both)");
    int perFormat = Integer.getInteger("musetag.fuzz.perFormat", 25);
    List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    try {
      Path library = dir.resolve("library");
      List<Path> bases = FuzzCorpus.bases(Files.createDirectories(dir.resolve("bases")));
      List<Path> files = FuzzCorpus.mutate(bases, library, perFormat, SEED);
      Path home = Files.createDirectories(dir.resolve("home"));
      long t0 = System.nanoTime();
      try (Services services =
          CommandLineRun.services(home, WaveformTestModel.copyTo(dir.resolve("model")))) {
        run(services, library, files);
      }
      System.out.printf(
          "fuzz: %d files (%d per format), info..undo in %.1f s%n",
          files.size(), perFormat, (System.nanoTime() - t0) / 1e9);
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
    assertThat(uncaught).as("uncaught throwables").isEmpty();
    assertThat(violations).as("violations (%d)", violations.size()).isEmpty();
  }

  /** Every command a user would run on the files, on one set of services (one model, opened once). */
  private void run(Services services, Path library, List<Path> files) throws Exception {
    everyFileAnswered("info", CommandLineRun.in(services, args("info", files)), files);
    everyFileAnswered("classify", CommandLineRun.in(services, args("classify", files)), files);
    Path db = dir.resolve("lib.db");
    clean("scan", CommandLineRun.in(services, "scan", library.toString(), "--db", db.toString()));
    CommandLineRun analyze = CommandLineRun.in(services, "analyze", "--db", db.toString());
    clean("analyze", analyze);
    everyFileInLibrary(db, files, analyze.err());
    tagAndUndo(services, db, files);
    assertThat(noLitter(library)).as("temporary files left in the library").isEmpty();
  }

  private static String[] args(String command, List<Path> files) {
    return Stream.concat(Stream.of(command), files.stream().map(Path::toString))
        .toArray(String[]::new);
  }

  /** Exit 0 or 1 (some files failed), no stack trace, no exception class name in what the user sees. */
  private void clean(String what, CommandLineRun r) {
    if (r.exit() != 0 && r.exit() != 1) {
      violations.add(what + ": exit code " + r.exit() + ": " + tail(r.err()));
    }
    if (r.err().contains("\tat ") || r.err().matches("(?s).*\\b\\w+(Exception|Error)\\b.*")) {
      violations.add(
          what + ": a stack trace or an exception's name reached the user: " + tail(r.err()));
    }
  }

  /** One JSON line per file named by its path, an error a sentence, the rest a result. */
  private void everyFileAnswered(String what, CommandLineRun r, List<Path> files) {
    clean(what, r);
    Map<String, Integer> seen = new HashMap<>();
    for (JsonObject row : r.json()) {
      String path = row.get("path").getAsString();
      seen.merge(path, 1, Integer::sum);
      if (row.has("error") && row.get("error").getAsString().isBlank()) {
        violations.add(what + ": empty error for " + path);
      }
    }
    for (Path f : files) {
      Integer n = seen.get(f.toString());
      if (n == null || n != 1) {
        violations.add(
            what + ": " + f.getFileName() + " reported " + (n == null ? 0 : n) + " times");
      }
    }
  }

  /** Every file is in the library: analysed, or recorded as unreadable with a reason, or named by analyze. */
  private void everyFileInLibrary(Path db, List<Path> files, String analyzeErr) throws Exception {
    Map<String, String> state = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT t.path, t.status, t.problem, (SELECT COUNT(*) FROM analyses a WHERE a.track_id = t.id) "
                        + "FROM tracks t")) {
      while (rs.next()) {
        String s = rs.getString(2);
        if (s.equals("unreadable") && (rs.getString(3) == null || rs.getString(3).isBlank())) {
          s = "unreadable without a reason";
        } else if (s.equals("ok") && rs.getInt(4) == 0) {
          s = "not analysed";
        }
        state.put(rs.getString(1), s);
      }
    }
    for (Path f : files) {
      String s = state.get(f.toString());
      if (s == null) {
        violations.add("scan: " + f.getFileName() + " is not in the library");
      } else if (s.equals("unreadable without a reason")
          || (s.equals("not analysed") && !analyzeErr.contains(f.getFileName().toString()))) {
        violations.add(
            "analyze: " + f.getFileName() + " " + s + " and not named in analyze's messages");
      }
    }
  }

  private void tagAndUndo(Services services, Path db, List<Path> files) throws Exception {
    Map<Path, TagSnapshot> before = TagSnapshot.of(files);
    Map<Path, byte[]> bytesBefore = contents(files);
    CommandLineRun tag =
        CommandLineRun.in(
            services,
            "tag",
            "--db",
            db.toString(),
            "--policy",
            "merge",
            "--min-genre-p",
            "0",
            "--min-mood-confidence",
            "0");
    clean("tag", tag);
    Matcher m = BATCH.matcher(tag.out());
    if (!m.find()) {
      violations.add("tag: no batch id in its output: " + tail(tag.out() + tag.err()));
      return;
    }
    List<Path> written = new ArrayList<>();
    Map<Path, byte[]> bytesAfter = contents(files);
    files.stream()
        .filter(f -> !Arrays.equals(bytesBefore.get(f), bytesAfter.get(f)))
        .forEach(written::add);
    files.stream()
        .filter(f -> f.getFileName().toString().contains("-clean.") && !written.contains(f))
        .forEach(
            f ->
                violations.add(
                    "tag: did not write the undamaged "
                        + f.getFileName()
                        + ": "
                        + tail(tag.err())));
    Map<Path, TagSnapshot> after = TagSnapshot.of(written);
    for (Path f : written) {
      TagSnapshot b = before.get(f);
      TagSnapshot a = after.get(f);
      if (!b.readable()) {
        violations.add(
            "tag: rewrote "
                + f.getFileName()
                + ", whose tags an independent reader cannot read ("
                + b.error()
                + ")");
      } else if (!a.readable()) {
        violations.add(
            "tag: left " + f.getFileName() + " unreadable to an independent reader: " + a.error());
      } else if (!a.sameOther(b)) {
        violations.add(
            "tag: changed other tags of " + f.getFileName() + ": " + diff(b.other(), a.other()));
      }
    }
    CommandLineRun undo = CommandLineRun.in(services, "undo", "--db", db.toString(), m.group(1));
    clean("undo", undo);
    Map<Path, TagSnapshot> undone = TagSnapshot.of(written);
    for (Path f : written) {
      TagSnapshot b = before.get(f);
      TagSnapshot u = undone.get(f);
      if (b.readable()
          && !(u.readable()
              && u.hasTag() == b.hasTag()
              && u.sameOther(b)
              && new TreeSet<>(u.managed()).equals(new TreeSet<>(b.managed())))) {
        violations.add(
            "undo: "
                + f.getFileName()
                + " did not come back as it was: "
                + (u.readable()
                    ? "tag "
                        + b.hasTag()
                        + " -> "
                        + u.hasTag()
                        + ", other "
                        + diff(b.other(), u.other())
                        + ", managed "
                        + diff(b.managed(), u.managed())
                    : u.error()));
      }
    }
    System.out.printf(
        "fuzz: tag wrote %d of %d files; undo restored them%n", written.size(), files.size());
  }

  private static List<Path> noLitter(Path library) throws Exception {
    try (Stream<Path> s = Files.list(library)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".musetag-")).toList();
    }
  }

  /** Every file's bytes (the corpus is a few megabytes): which files a run wrote, compared byte for byte. */
  private static Map<Path, byte[]> contents(List<Path> files) throws Exception {
    Map<Path, byte[]> out = new HashMap<>();
    for (Path f : files) {
      out.put(f, Files.readAllBytes(f));
    }
    return out;
  }

  private static String diff(List<String> before, List<String> after) {
    Set<String> lost = new TreeSet<>(before);
    lost.removeAll(after);
    Set<String> added = new TreeSet<>(after);
    added.removeAll(before);
    return "lost "
        + lost
        + ", added "
        + added
        + (lost.isEmpty() && added.isEmpty() ? " (order changed)" : "");
  }

  private static String tail(String s) {
    return s.length() <= 600 ? s : "..." + s.substring(s.length() - 600);
  }
}
