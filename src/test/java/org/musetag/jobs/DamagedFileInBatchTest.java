package org.musetag.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.cli.CommandLineRun;
import org.musetag.library.Library;
import org.musetag.library.LibraryScanner;
import org.musetag.library.TagJournal;
import org.musetag.library.Track;
import org.musetag.tags.JaudiotaggerTagStore;
import org.musetag.tags.TagException;
import org.musetag.tags.TagField;
import org.musetag.tags.TagOptions;
import org.musetag.tags.TagStore;
import org.musetag.tags.TagValues;

/**
 * One damaged file in the middle of a batch is that file's failure, reported by name; the files after it are still
 * tagged and the batch ends as done. The damaged file is a WAV whose {@code id3 } chunk claims 0x7FFFFFF0 bytes: the
 * tag library used to die on it with OutOfMemoryError (under the tests' -Xmx3g), which stopped the batch and left it
 * listed as running.
 */
class DamagedFileInBatchTest {
  @TempDir Path dir;
  private final TagStore store = new JaudiotaggerTagStore(TagOptions.defaults());

  @Test
  void aWavWhoseId3ChunkClaimsTwoGigabytesFailsAloneAndTheOthersAreTagged() throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    List<Path> good = new ArrayList<>();
    good.add(AudioFixtures.tone(music, "a", Encoding.FLAC, 330, 4.0));
    good.add(AudioFixtures.tone(music, "b", Encoding.MP3, 440, 4.0));
    Path bad = AudioFixtures.tone(music, "c-claims", Encoding.WAV, 550, 4.0);
    good.add(AudioFixtures.tone(music, "d", Encoding.OGG_VORBIS, 660, 4.0));
    good.add(AudioFixtures.tone(music, "e", Encoding.WAV, 770, 4.0));
    store.write(bad, Map.of(TagField.GENRE, List.of("Jazz"))); // gives it an id3 chunk
    Path db = dir.resolve("library.db");
    try (Library library = Library.open(db)) {
      TagJobTest.analyseEverything(library, new FfmpegAudioDecoder(), music, dir.resolve("cache"));
    }
    byte[] damaged = inflateId3Chunk(bad);

    CommandLineRun run =
        CommandLineRun.in(
            dir.resolve("home"),
            "tag",
            "--db",
            db.toString(),
            "--min-genre-p",
            "0",
            "--min-mood-confidence",
            "0");

    assertThat(run.out())
        .containsPattern(
            "skip "
                + java.util.regex.Pattern.quote(bad.toString())
                + ": cannot (read|write) tags: .*chunk claims 2147483632 bytes but the file holds only \\d+")
        .contains("4 files written");
    assertThat(run.err()).doesNotContain("Exception", "Error");
    assertThat(run.exit()).isEqualTo(1);
    for (Path f : good) {
      assertThat(store.read(f).get(TagField.GENRE)).as("%s is tagged", f).isNotEmpty();
    }
    assertThat(Files.readAllBytes(bad)).isEqualTo(damaged);
    try (Library library = Library.open(db)) {
      assertThat(library.journal().batches())
          .singleElement()
          .extracting(TagJournal.Batch::state)
          .isEqualTo("done");
    }
  }

  /**
   * Whatever a file's reader throws, even an error no file should cause, is that file's failure: planning and
   * writing go on with the next file. The real readers refuse the damaged files this test means, so a store that
   * throws for two named files stands in for a reader with a bug.
   */
  @Test
  void errorsThrownForOneFileAreThatFilesFailureAndTheBatchGoesOn() throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    for (String name : List.of("a", "b-read", "c-write", "d")) {
      AudioFixtures.tone(music, name, Encoding.FLAC, 440, 1.0);
    }
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Library library = Library.open(dir.resolve("library.db"))) {
      new LibraryScanner(library, new FfmpegAudioDecoder(), pool)
          .scan(List.of(music), (d, t) -> {}, () -> false);
      TagStore throwing = new ThrowingStore(store);
      FilePlanner planner = new FilePlanner(throwing);
      List<TagJob.FilePlan> plans = new ArrayList<>();
      for (Track t : library.tracks().all(Track.OK)) {
        plans.add(planner.plan(t, Map.of(TagField.GENRE, List.of("Rock")), Map.of()));
      }
      List<String> problems = new ArrayList<>();
      TagJob.Report r =
          new TagJob(library, throwing)
              .write(
                  plans,
                  "b1",
                  "m",
                  "{}",
                  new JobListener() {
                    @Override
                    public void progress(int done, int total) {}

                    @Override
                    public void problem(Path file, String reason) {
                      problems.add(reason);
                    }
                  },
                  () -> false);

      assertThat(r.written()).isEqualTo(2);
      assertThat(r.failed() + r.skipped()).isEqualTo(2);
      assertThat(problems)
          .anySatisfy(
              p ->
                  assertThat(p)
                      .startsWith(
                          music.resolve("b-read.flac")
                              + ": ran out of memory reading it (the file is probably damaged)"));
      assertThat(problems)
          .anySatisfy(
              p ->
                  assertThat(p)
                      .startsWith(
                          music.resolve("c-write.flac")
                              + ": its structure is nested too deeply to read"));
      assertThat(store.read(music.resolve("d.flac")).get(TagField.GENRE)).containsExactly("Rock");
      assertThat(library.journal().batches().get(0).state()).isEqualTo("done");
    } finally {
      pool.shutdownNow();
    }
  }

  /** Sets the size of the file's {@code id3 } chunk to 0x7FFFFFF0 in place: same length, same mtime. */
  private static byte[] inflateId3Chunk(Path wav) throws Exception {
    FileTime mtime = Files.getLastModifiedTime(wav);
    byte[] bytes = Files.readAllBytes(wav);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int pos = 12;
    while (!new String(bytes, pos, 4, StandardCharsets.ISO_8859_1).equals("id3 ")) {
      int size = b.getInt(pos + 4);
      pos += 8 + size + (size & 1);
    }
    b.putInt(pos + 4, 0x7FFF_FFF0);
    Files.write(wav, bytes);
    Files.setLastModifiedTime(wav, mtime);
    return bytes;
  }

  private record ThrowingStore(TagStore real) implements TagStore {
    @Override
    public TagValues read(Path file, Set<TagField> userFields) throws TagException {
      if (file.getFileName().toString().startsWith("b-read")) {
        throw new OutOfMemoryError("Java heap space");
      }
      return real.read(file, userFields);
    }

    @Override
    public boolean write(Path file, Map<TagField, List<String>> values) throws TagException {
      if (file.getFileName().toString().startsWith("c-write")) {
        throw new StackOverflowError();
      }
      return real.write(file, values);
    }

    @Override
    public boolean canWrite(Path file) {
      return real.canWrite(file);
    }
  }
}
