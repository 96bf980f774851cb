package org.musetag.ml.heads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.ml.heads.HeadException;
import org.musetag.ml.heads.HeadKind;
import org.musetag.ml.heads.Synthetic;
import org.musetag.ml.heads.embeddings.EmbeddingCollector;
import org.musetag.ml.heads.embeddings.EmbeddingStore;
import org.musetag.ml.heads.input.LabelFolders;
import org.musetag.ml.heads.input.RatingsCsv;
import org.musetag.ml.heads.input.TrainingInput;
import org.musetag.ml.heads.input.TrainingItem;

/** Reading label folders and rating CSVs, and the counts and warnings shown before training. */
class TrainingDataTest {
  @TempDir Path dir;

  private Path touch(String relative) throws Exception {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, relative);
  }

  private static boolean audio(Path p) {
    return p.toString().endsWith(".mp3");
  }

  @Test
  void subFoldersAreLabelsAndFilesAnywhereBelowBelongToThem() throws Exception {
    touch("dub/a.mp3");
    touch("dub/deep/b.mp3");
    touch("rainy day/c.mp3");
    touch("rainy day/cover.jpg");
    touch(".hidden/d.mp3");
    touch("loose.mp3");
    Files.createDirectories(dir.resolve("empty"));

    TrainingInput in = LabelFolders.read(dir, TrainingDataTest::audio);

    assertThat(in.items())
        .extracting(TrainingItem::label)
        .containsExactly("dub", "dub", "rainy day");
    assertThat(in.warnings())
        .anyMatch(w -> w.contains("loose.mp3") && w.contains("outside the label folders"))
        .anyMatch(w -> w.contains("'empty' has no audio files"));
  }

  @Test
  void anEmptyFolderOrASingleLabelIsRefusedWithTheReason() throws Exception {
    assertThatThrownBy(() -> LabelFolders.read(dir, TrainingDataTest::audio))
        .isInstanceOf(HeadException.class)
        .hasMessageContaining("no label folders with audio files");
    touch("dub/a.mp3");
    assertThatThrownBy(() -> LabelFolders.read(dir, TrainingDataTest::audio))
        .isInstanceOf(HeadException.class)
        .hasMessageContaining("only one label ('dub')");
    assertThatThrownBy(() -> LabelFolders.read(dir.resolve("nope"), TrainingDataTest::audio))
        .isInstanceOf(HeadException.class)
        .hasMessageContaining("is not a folder");
  }

  @Test
  void aRatingsCsvSkipsLinesThatAreNotNumbersAndSaysWhichLine() throws Exception {
    Path csv =
        Files.writeString(
            dir.resolve("va.csv"),
            String.join(
                "\n",
                "path,valence,arousal",
                "a.mp3,0.5,-0.25",
                "\"b, live.mp3\",high,0.1",
                "c.mp3,0.1",
                "",
                "d.mp3,7,5"));

    TrainingInput in = RatingsCsv.read(csv);

    assertThat(in.items())
        .extracting(TrainingItem::file)
        .containsExactly(dir.resolve("a.mp3"), dir.resolve("d.mp3"));
    assertThat(in.items().get(0).valence()).isEqualTo(0.5);
    assertThat(in.warnings())
        .anyMatch(w -> w.contains("line 3") && w.contains("valence 'high' is not a number"))
        .anyMatch(w -> w.contains("line 4") && w.contains("2 fields"))
        .anyMatch(w -> w.contains("outside -1..1"));
  }

  @Test
  void aRatingsCsvWithoutOneNumericLineIsRefused() throws Exception {
    Path csv =
        Files.writeString(dir.resolve("va.csv"), "path,valence,arousal\na.mp3,x,y\nb.mp3,1,NaN\n");

    assertThatThrownBy(() -> RatingsCsv.read(csv))
        .isInstanceOf(HeadException.class)
        .hasMessageContaining("no usable line")
        .hasMessageContaining("line 2")
        .hasMessageContaining("line 3");
  }

  @Test
  void countsWarnAboutSmallClassesImbalanceDuplicatesAndUnreadableFiles() throws Exception {
    List<TrainingItem> items = new ArrayList<>();
    List<EmbeddingStore.Entry> heard = new ArrayList<>();
    Random random = new Random(1);
    for (int i = 0; i < 30; i++) {
      add(items, heard, "rock", "rock" + i, "hash-rock-" + i, random);
    }
    add(items, heard, "dub", "dub0", "hash-dub-0", random);
    add(items, heard, "dub", "dub1", "hash-dub-1", random);
    add(items, heard, "dub", "dub1-copy", "hash-dub-1", random);
    add(items, heard, "dub", "dub-also-rock", "hash-rock-0", random);
    items.add(TrainingItem.labelled(Path.of("/m/dub/broken.mp3"), "dub"));
    Map<Path, String> unreadable = new LinkedHashMap<>();
    unreadable.put(Path.of("/m/dub/broken.mp3"), "the file is empty");

    DataSummary s =
        DataSummary.of(
            new TrainingInput(HeadKind.LABELS, "/m", items, List.of()),
            new EmbeddingCollector.Result(heard, unreadable, 0, heard.size()));

    assertThat(s.counts()).containsExactly(Map.entry("dub", 3), Map.entry("rock", 30));
    assertThat(s.files()).isEqualTo(35);
    assertThat(s.unreadable()).containsEntry("/m/dub/broken.mp3", "the file is empty");
    assertThat(s.warnings())
        .anyMatch(w -> w.contains("broken.mp3") && w.contains("the file is empty"))
        .anyMatch(
            w ->
                w.contains("dub1-copy.mp3 has the same content as /m/dub/dub1.mp3")
                    && w.contains("counted once"))
        .anyMatch(
            w ->
                w.contains("several label folders")
                    && w.contains("rock0.mp3")
                    && w.contains("dub-also-rock.mp3"))
        .anyMatch(w -> w.contains("label 'dub' has only 3"))
        .anyMatch(
            w ->
                w.contains("heavy imbalance")
                    && w.contains("'rock' has 30")
                    && w.contains("'dub' only 3"));
  }

  @Test
  void nothingReadableOrOnlyOneReadableLabelIsRefused() {
    List<TrainingItem> items =
        List.of(
            TrainingItem.labelled(Path.of("/m/a/1.mp3"), "a"),
            TrainingItem.labelled(Path.of("/m/b/2.mp3"), "b"));
    Map<Path, String> both =
        Map.of(Path.of("/m/a/1.mp3"), "not audio", Path.of("/m/b/2.mp3"), "not audio");
    TrainingInput in = new TrainingInput(HeadKind.LABELS, "/m", items, List.of());

    assertThatThrownBy(
            () -> DataSummary.of(in, new EmbeddingCollector.Result(List.of(), both, 0, 2)))
        .isInstanceOf(HeadException.class)
        .hasMessageContaining("none of the 2 files")
        .hasMessageContaining("not audio");
    List<EmbeddingStore.Entry> one = new ArrayList<>();
    add(new ArrayList<>(), one, "a", "1", "h", new Random(1));
    assertThatThrownBy(
            () ->
                DataSummary.of(
                    in,
                    new EmbeddingCollector.Result(
                        one, Map.of(Path.of("/m/b/2.mp3"), "not audio"), 0, 2)))
        .isInstanceOf(HeadException.class)
        .hasMessageContaining("only the label 'a' has readable files");
  }

  private static void add(
      List<TrainingItem> items,
      List<EmbeddingStore.Entry> heard,
      String label,
      String name,
      String hash,
      Random random) {
    Path file = Path.of("/m", label, name + ".mp3");
    items.add(TrainingItem.labelled(file, label));
    heard.add(
        new EmbeddingStore.Entry(
            new EmbeddingStore.Stamp(file, 1, 1),
            hash,
            Synthetic.analysis(Synthetic.point(random, 0), "rock", "Q1")));
  }
}
