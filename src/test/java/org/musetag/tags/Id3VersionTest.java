package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.mp3.MP3File;
import org.jaudiotagger.tag.id3.AbstractID3v2Tag;
import org.jaudiotagger.tag.id3.ID3v23Tag;
import org.jaudiotagger.tag.id3.ID3v24Tag;
import org.jaudiotagger.tag.wav.WavTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;

/** Which ID3 version a write uses, and how several values look in each. */
class Id3VersionTest {
  @TempDir Path dir;

  @Test
  void aFileWithoutId3GetsVersion24ByDefault() throws Exception {
    Path file = AudioFixtures.tone(dir, "plain", Encoding.WAV, 440, 0.5);

    new JaudiotaggerTagStore(TagOptions.defaults()).write(file, TagStoreContractTest.ANALYSIS);

    Id3Assertions.assertV24AsTheGuideSays(
        ((WavTag) AudioFileIO.read(file.toFile()).getTag()).getID3Tag());
  }

  @Test
  void aFileWithoutId3GetsVersion23WhenTheOptionsSaySo() throws Exception {
    Path file = AudioFixtures.tone(dir, "plain", Encoding.WAV, 440, 0.5);

    new JaudiotaggerTagStore(new TagOptions(Id3Version.V23, " / "))
        .write(file, TagStoreContractTest.ANALYSIS);

    Id3Assertions.assertV23AsTheGuideSays(
        ((WavTag) AudioFileIO.read(file.toFile()).getTag()).getID3Tag(), " / ");
  }

  @Test
  void anExistingVersion23TagStaysVersion23EvenWhenNewTagsAre24() throws Exception {
    Path file = TagTestFiles.withUserTags(dir, "old", Encoding.MP3);
    TagTestFiles.convertToId3v23(file);

    new JaudiotaggerTagStore(TagOptions.defaults()).write(file, TagStoreContractTest.ANALYSIS);

    assertThat(id3(file)).isInstanceOf(ID3v23Tag.class).isNotInstanceOf(ID3v24Tag.class);
  }

  @Test
  void convertingExistingTagsKeepsTheOtherTags() throws Exception {
    Path file = TagTestFiles.withUserTags(dir, "old", Encoding.MP3);
    TagTestFiles.convertToId3v23(file);
    List<String> before = TagTestFiles.userTags(file);

    new JaudiotaggerTagStore(new TagOptions(Id3Version.V24, "; ", true))
        .write(file, TagStoreContractTest.ANALYSIS);

    Id3Assertions.assertV24AsTheGuideSays(id3(file));
    assertThat(TagTestFiles.userTags(file)).isEqualTo(before);
  }

  @Test
  void version23ValuesAreSplitOnTheSeparatorWhenRead() throws Exception {
    Path file = AudioFixtures.tone(dir, "v23", Encoding.MP3, 440, 0.5);
    TagTestFiles.convertToId3v23(file);
    MP3File mp3 = (MP3File) AudioFileIO.read(file.toFile());
    mp3.getID3v2Tag().setField(org.jaudiotagger.tag.FieldKey.GENRE, "Rock;Pop ; Jazz");
    mp3.commit();

    TagValues read = new JaudiotaggerTagStore(TagOptions.defaults()).read(file);

    assertThat(read.get(TagField.GENRE)).containsExactly("Rock", "Pop", "Jazz");
  }

  @Test
  void writingOneFieldLeavesTheOthersFramesAsTheyWere() throws Exception {
    Path file = AudioFixtures.tone(dir, "song", Encoding.MP3, 440, 0.5);
    JaudiotaggerTagStore store = new JaudiotaggerTagStore(TagOptions.defaults());
    store.write(file, TagStoreContractTest.ANALYSIS);

    store.write(file, Map.of(TagField.VALENCE, List.of("0.500")));

    assertThat(Id3Assertions.texts(id3(file), "TCON")).containsExactly("electronic\0rock");
    assertThat(Id3Assertions.userTexts(id3(file), "VALENCE")).containsExactly("0.500");
    assertThat(Id3Assertions.userTexts(id3(file), "AROUSAL")).containsExactly("-0.125");
  }

  private static AbstractID3v2Tag id3(Path file) throws Exception {
    return ((MP3File) AudioFileIO.read(file.toFile())).getID3v2Tag();
  }
}
