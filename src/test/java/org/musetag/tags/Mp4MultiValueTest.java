package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.mp4.Mp4Tag;
import org.jaudiotagger.tag.mp4.field.Mp4TagTextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;

/**
 * MP4 items with several values: Musetag reads all of them (JAudioTagger 3.0.1 sees only the first) and refuses to
 * write a file whose other items JAudioTagger would cut down.
 */
class Mp4MultiValueTest {
  @TempDir Path dir;
  final TagStore store = new JaudiotaggerTagStore(TagOptions.defaults());

  @Test
  void genresWrittenByOtherToolsAsSeveralDataAtomsAreAllRead() throws Exception {
    Path file = AudioFixtures.tone(dir, "song", Encoding.M4A_AAC, 440, 0.5);
    addItem(file, new Mp4MultiValueField("\u00a9gen", List.of("Pop", "Dance")));

    assertThat(store.read(file).get(TagField.GENRE)).containsExactly("Pop", "Dance");
  }

  @Test
  void genresInSeveralAtomsAreAllRead() throws Exception {
    Path file = AudioFixtures.tone(dir, "song", Encoding.M4A_AAC, 440, 0.5);
    addItem(file, new Mp4TagTextField("\u00a9gen", "Pop"));
    addItem(file, new Mp4TagTextField("\u00a9gen", "Dance"));

    assertThat(store.read(file).get(TagField.GENRE)).containsExactly("Pop", "Dance");
  }

  @Test
  void anotherToolsFreeformTagWithSeveralValuesIsWrittenBackWhole() throws Exception {
    Path file = AudioFixtures.tone(dir, "song", Encoding.M4A_AAC, 440, 0.5);
    addItem(file, new Mp4MultiValueField("----:com.apple.iTunes:ARTISTS", List.of("A", "B")));

    assertThat(store.write(file, Map.of(TagField.GENRE, List.of("rock")))).isTrue();

    assertThat(Mp4Ilst.texts(Mp4Ilst.read(file), "----:com.apple.iTunes:ARTISTS"))
        .containsExactly("A", "B");
    assertThat(store.read(file).get(TagField.GENRE)).containsExactly("rock");
  }

  @Test
  void aFileWhoseOtherItemHoldsSeveralValuesThatAreNotTextIsNotWrittenRatherThanLosingThem()
      throws Exception {
    Path file = AudioFixtures.tone(dir, "song", Encoding.M4A_AAC, 440, 0.5);
    addItem(
        file,
        Mp4MultiValueField.keeping(
            "\u00a9ART",
            List.of(
                new Mp4Ilst.Data(0, new byte[] {1, 2}), new Mp4Ilst.Data(0, new byte[] {3, 4}))));
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> store.write(file, Map.of(TagField.GENRE, List.of("rock"))))
        .isInstanceOf(TagException.class)
        .hasMessage(
            file
                + ": cannot write tags without losing data: its '\u00a9ART' tag holds"
                + " 2 values and the tag library would keep only the first");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  private static void addItem(Path file, Mp4TagTextField field) throws Exception {
    JaudiotaggerSetup.ensure();
    AudioFile audio = AudioFileIO.read(file.toFile());
    ((Mp4Tag) audio.getTagOrCreateAndSetDefault()).addField(field);
    audio.commit();
  }
}
