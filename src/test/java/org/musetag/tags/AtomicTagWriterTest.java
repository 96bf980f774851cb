package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;

/** How the finished copy replaces the original. */
class AtomicTagWriterTest {
  static final Map<TagField, List<String>> GENRE = Map.of(TagField.GENRE, List.of("rock"));

  @TempDir Path dir;

  @Test
  void writingThroughASymbolicLinkUpdatesTheTargetAndKeepsTheLink() throws Exception {
    Path target = AudioFixtures.tone(dir, "real", Encoding.FLAC, 440, 0.5);
    Path link = Files.createSymbolicLink(dir.resolve("link.flac"), target);
    TagStore store = new JaudiotaggerTagStore(TagOptions.defaults());

    store.write(link, GENRE);

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(store.read(target).get(TagField.GENRE)).containsExactly("rock");
  }

  @Test
  void aFileChangedByAnotherProgramDuringTheWriteIsNotOverwritten() throws Exception {
    Path file = AudioFixtures.tone(dir, "song", Encoding.FLAC, 440, 0.5);
    AtomicTagWriter racing =
        new AtomicTagWriter(
            TagOptions.defaults(),
            copy ->
                Files.setLastModifiedTime(
                    file, FileTime.from(Instant.parse("2021-05-06T07:08:09Z"))));
    TagStore store = new JaudiotaggerTagStore(TagOptions.defaults(), racing);

    assertThatThrownBy(() -> store.write(file, GENRE))
        .isInstanceOf(TagException.class)
        .hasMessage(file + ": cannot write tags: the file changed while they were being written");

    assertThat(new JaudiotaggerTagStore(TagOptions.defaults()).read(file).get(TagField.GENRE))
        .isEmpty();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void valuesAreStoredWithoutSurroundingSpaces() throws Exception {
    Path file = AudioFixtures.tone(dir, "song", Encoding.OGG_VORBIS, 440, 0.5);
    TagStore store = new JaudiotaggerTagStore(TagOptions.defaults());

    store.write(file, Map.of(TagField.GENRE, List.of(" rock ", "  ")));

    assertThat(store.read(file).get(TagField.GENRE)).containsExactly("rock");
    assertThat(store.write(file, Map.of(TagField.GENRE, List.of("rock")))).isFalse();
  }
}
