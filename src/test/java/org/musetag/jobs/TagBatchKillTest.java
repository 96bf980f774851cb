package org.musetag.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.ProcessOwner;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.cli.CommandLineRun;
import org.musetag.library.Library;
import org.musetag.library.TagJournal;
import org.musetag.tags.JaudiotaggerTagStore;
import org.musetag.tags.TagField;
import org.musetag.tags.TagOptions;
import org.musetag.tags.TagStore;
import org.musetag.tags.TagValues;

/**
 * Kills a real {@code musetag tag} process with SIGKILL in the middle of a batch, then checks that every file still
 * opens and decodes, holds either all of its old or all of its new values, that the journal agrees, that the batch is
 * listed as interrupted (not running forever), that undo brings every file back, and that the undo removes the
 * temporary copies the killed process left, and nothing else.
 */
class TagBatchKillTest {
  @TempDir Path dir;

  @Test
  void aBatchKilledMidwayLeavesEveryFileWholeAndUndoable() throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    // Four tones, each in ten files: the size of the files (30 s) keeps the batch long enough to
    // kill
    // midway; how many different sounds it holds does not matter, and each is encoded once.
    for (int i = 0; i < 40; i++) {
      AudioFixtures.tone(
          music,
          String.format("track-%02d", i),
          i % 2 == 0 ? Encoding.FLAC : Encoding.MP3,
          200 + 10 * (i % 4),
          30.0);
    }
    Path db = dir.resolve("library.db");
    FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();
    TagStore store = new JaudiotaggerTagStore(TagOptions.defaults());
    Map<Path, TagValues> before = new HashMap<>();
    try (Library library = Library.open(db)) {
      TagJobTest.analyseEverything(library, decoder, music, dir.resolve("cache"));
    }
    try (var files = Files.list(music)) {
      for (Path f : files.toList()) {
        before.put(f, store.read(f));
      }
    }

    Process tagging = startTagging(db);
    int written = waitForWrittenEntries(db, tagging, 10);
    ProcessOwner killed =
        new ProcessOwner(
            tagging.pid(),
            tagging.toHandle().info().startInstant().map(Instant::toEpochMilli).orElse(0L));
    tagging.destroyForcibly();
    assertThat(tagging.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(written)
        .as(
            "the process was killed mid-batch (its output: %s)",
            Files.readString(dir.resolve("tag.log")))
        .isGreaterThanOrEqualTo(10);
    // What a kill during a copy leaves (it happens in some runs on its own): a full-size copy named
    // for the process.
    Path left =
        music.resolve(
            ".musetag-" + killed.pid() + "-" + killed.startMs() + "-00000000000000aa.tmp");
    Files.copy(music.resolve("track-00.flac"), left);
    Path notOurs = Files.writeString(music.resolve(".musetag-notes.tmp"), "the user's own");

    CommandLineRun listing = CommandLineRun.in(dir.resolve("home"), "undo", "--db", db.toString());
    assertThat(listing.exit()).isZero();
    assertThat(listing.out()).containsPattern("  interrupted  \\d+ changes, \\d+ written");

    try (Library library = Library.open(db)) {
      TagJournal.Batch killedBatch = library.journal().batches().get(0);
      assertThat(killedBatch.state()).isEqualTo(TagJournal.INTERRUPTED);
      assertThat(killedBatch.owner()).isEqualTo(killed);
      String batch = killedBatch.id();
      List<TagJournal.Entry> entries = library.journal().entries(batch);
      assertThat(entries)
          .extracting(TagJournal.Entry::state)
          .isSubsetOf(TagJournal.PLANNED, TagJournal.WRITTEN);
      assertThat(entries).extracting(TagJournal.Entry::state).contains(TagJournal.WRITTEN);
      Map<Path, List<TagJournal.Entry>> byFile = new HashMap<>();
      entries.forEach(e -> byFile.computeIfAbsent(e.path(), p -> new ArrayList<>()).add(e));
      for (Path f : before.keySet()) {
        TagValues now = store.read(f);
        assertThat(decoder.decode(f, 8000).durationSeconds())
            .as("%s decodes", f)
            .isGreaterThan(29.0);
        List<TagJournal.Entry> fileEntries = byFile.getOrDefault(f, List.of());
        boolean allNew =
            !fileEntries.isEmpty()
                && fileEntries.stream()
                    .allMatch(
                        e ->
                            now.get(TagField.valueOf(e.field()))
                                .equals(
                                    new TagValues(
                                            Map.of(TagField.valueOf(e.field()), e.newValues()))
                                        .get(TagField.valueOf(e.field()))));
        boolean allOld = now.equals(before.get(f));
        assertThat(allNew || allOld).as("%s is either untouched or fully written", f).isTrue();
        if (fileEntries.stream().anyMatch(e -> e.state().equals(TagJournal.WRITTEN))) {
          assertThat(allNew).as("%s is journalled as written", f).isTrue();
        }
      }

      new TagJob(library, store)
          .undo(
              batch,
              new JobListener() {
                @Override
                public void progress(int done, int total) {}

                @Override
                public void problem(Path file, String reason) {
                  throw new AssertionError(file + ": " + reason);
                }
              });
    }
    for (Map.Entry<Path, TagValues> e : before.entrySet()) {
      assertThat(store.read(e.getKey())).as("%s after undo", e.getKey()).isEqualTo(e.getValue());
    }
    try (var files = Files.list(music)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")))
          .as("only the user's own hidden file is left")
          .containsExactly(notOurs.getFileName().toString());
    }
  }

  private Process startTagging(Path db) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "-Dai.djl.offline=true",
            "-Dmusetag.home=" + dir.resolve("home"),
            "-cp",
            System.getProperty("java.class.path"),
            "org.musetag.Launcher",
            "tag",
            "--db",
            db.toString(),
            "--min-genre-p",
            "0",
            "--min-mood-confidence",
            "0")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("tag.log").toFile())
        .start();
  }

  /** Polls the journal (read-only, beside the writer thanks to WAL) until {@code n} entries are written. */
  private static int waitForWrittenEntries(Path db, Process p, int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    int written = 0;
    while (System.nanoTime() < deadline && p.isAlive()) {
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
          ResultSet rs =
              c.createStatement()
                  .executeQuery("SELECT count(*) FROM tag_journal WHERE state='written'")) {
        written = rs.getInt(1);
      } catch (java.sql.SQLException e) {
        written = 0; // tables not there yet
      }
      if (written >= n) {
        return written;
      }
      Thread.sleep(20);
    }
    return written;
  }
}
