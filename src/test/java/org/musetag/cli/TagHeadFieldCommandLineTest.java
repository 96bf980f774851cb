package org.musetag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.library.Library;
import org.musetag.tags.JaudiotaggerTagStore;
import org.musetag.tags.TagField;
import org.musetag.tags.TagOptions;
import org.musetag.tags.TagStore;
import org.musetag.tags.TagValues;

/**
 * A trained, active label head's labels go to its own tag field through {@code musetag tag}, end to end: real files
 * (FLAC and MP3), the real bundled model, a real library and registry; the dry run shows {@code USER:NAME}, the
 * journal names it, and undo takes it away again.
 */
class TagHeadFieldCommandLineTest {
  static final TagField TONES = TagField.user("TONES");

  @TempDir Path home;

  private CommandLineRun run(String... args) {
    return CommandLineRun.in(home, args);
  }

  @Test
  void anActiveHeadsLabelsAreShownWrittenJournalledAndUndoneInItsOwnField() throws Exception {
    Path folders = home.resolve("folders");
    double[] low = {110, 130, 150};
    double[] high = {2000, 2500, 3000};
    for (int i = 0; i < 3; i++) {
      AudioFixtures.tone(
          Files.createDirectories(folders.resolve("low")),
          "low" + i,
          i == 0 ? Encoding.MP3 : Encoding.FLAC,
          low[i],
          4.0);
      AudioFixtures.tone(
          Files.createDirectories(folders.resolve("high")),
          "high" + i,
          Encoding.FLAC,
          high[i],
          4.0);
    }
    TagStore store = new JaudiotaggerTagStore(TagOptions.defaults());
    Path curated = folders.resolve("high/high1.flac");
    store.write(curated, Map.of(TONES, List.of("mine")));
    String db = home.resolve("lib.db").toString();
    assertThat(run("scan", folders.toString(), "--db", db).exit()).isZero();
    assertThat(run("analyze", "--db", db).exit()).isZero();
    CommandLineRun train =
        run("train", "--folders", folders.toString(), "--name", "tones", "--activate");
    assertThat(train.exit()).as(train.err()).isZero();
    Map<Path, byte[]> bytes = new HashMap<>();
    Map<Path, TagValues> before = new HashMap<>();
    for (Path f : files(folders)) {
      bytes.put(f, Files.readAllBytes(f));
      before.put(f, store.read(f, Set.of(TONES)));
    }

    CommandLineRun classify = run("classify", files(folders).get(0).toString());
    assertThat(classify.out()).contains("\"head_tag_fields\":{\"tones\":\"TONES\"}");

    CommandLineRun dry =
        run("tag", "--db", db, "--dry-run", "--fields", "genre", "--min-genre-p", "0");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out())
        .contains("USER:TONES: (empty) -> ", "USER:TONES: mine -> mine | ")
        .contains("mood_model: (empty) -> musetag-base@")
        .contains("+tones@1");
    assertThat(run("tag", "--db", db, "--dry-run", "--no-head-fields").out())
        .doesNotContain("USER:TONES");
    for (Path f : files(folders)) {
      assertThat(Files.readAllBytes(f)).isEqualTo(bytes.get(f));
    }

    CommandLineRun tag = run("tag", "--db", db, "--fields", "genre", "--min-genre-p", "0");
    assertThat(tag.exit()).as(tag.err()).isZero();
    String batch =
        tag.out()
            .lines()
            .filter(l -> l.startsWith("batch "))
            .findFirst()
            .orElseThrow()
            .split(" ")[1]
            .replace(":", "");
    for (Path f : files(folders)) {
      List<String> labels = store.read(f, Set.of(TONES)).get(TONES);
      if (f.equals(curated)) {
        assertThat(labels)
            .as("the user's own value is kept first (merge)")
            .hasSize(2)
            .startsWith("mine");
        labels = labels.subList(1, 2);
      }
      assertThat(labels).as("%s", f).hasSize(1).isSubsetOf("low", "high");
      assertThat(store.read(f).get(TagField.MOOD_MODEL).get(0)).endsWith("+tones@1");
    }
    try (Library library = Library.open(Path.of(db))) {
      assertThat(library.journal().entries(batch))
          .extracting(e -> e.field())
          .contains("USER:TONES", "GENRE");
    }

    CommandLineRun undo = run("undo", "--db", db, batch);
    assertThat(undo.exit()).as(undo.err()).isZero();
    assertThat(undo.out()).contains("6 files restored");
    for (Path f : files(folders)) {
      assertThat(store.read(f, Set.of(TONES))).as("%s", f).isEqualTo(before.get(f));
    }
    assertThat(store.read(curated, Set.of(TONES)).get(TONES)).containsExactly("mine");
  }

  private static List<Path> files(Path folders) throws Exception {
    try (Stream<Path> s = Files.walk(folders)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
