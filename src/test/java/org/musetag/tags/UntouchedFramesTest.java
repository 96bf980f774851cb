package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.mp3.MP3File;
import org.jaudiotagger.tag.FieldKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;

/**
 * Fields Musetag does not change keep every value (issue 11, items 1 and 12): after a write, and after the write is
 * undone, every frame that is not a managed field is there byte for byte, as Musetag's own reader sees it, and a
 * v2.4 TPE1 holding two artists still holds both.
 */
class UntouchedFramesTest {
  static final Map<TagField, List<String>> ANALYSIS = Map.of(
      TagField.GENRE, List.of("electronic", "rock"),
      TagField.MOOD, List.of("happy"),
      TagField.VALENCE, List.of("0.250"));

  @TempDir Path dir;
  private final TagStore store = new JaudiotaggerTagStore(TagOptions.defaults());

  @Test
  void everyFrameOfTheUsersIsKeptByteForByteInAnMp3() throws Exception {
    Path mp3 = AudioFixtures.tone(dir, "rich", Encoding.MP3, 440, 1.0);
    Id3Bytes.putOnMp3(mp3, DamagedTagRefusalTest.richTag());
    assertKeptThroughWriteAndUndo(mp3, TagFormat.MP3);
  }

  @Test
  void everyFrameOfTheUsersIsKeptByteForByteInAnAiff() throws Exception {
    Path aiff = AudioFixtures.tone(dir, "rich", Encoding.AIFF, 440, 1.0);
    Id3Bytes.putOnAiff(aiff, DamagedTagRefusalTest.richTag());
    assertKeptThroughWriteAndUndo(aiff, TagFormat.AIFF);
  }

  @Test
  void bothArtistsOfAV24Tpe1SurviveATagAndItsUndo() throws Exception {
    Path mp3 = AudioFixtures.tone(dir, "artists", Encoding.MP3, 440, 1.0);
    Id3Bytes.putOnMp3(mp3, DamagedTagRefusalTest.richTag());
    RawItem tpe1 = tpe1(mp3);

    store.write(mp3, ANALYSIS);
    assertThat(artists(mp3)).containsExactly("piman", "jzig");
    assertThat(tpe1(mp3)).isEqualTo(tpe1);
    store.write(mp3, Map.of(TagField.GENRE, List.of("MyGenre"), TagField.MOOD, List.of(),
        TagField.VALENCE, List.of()));
    assertThat(artists(mp3)).containsExactly("piman", "jzig");
    assertThat(tpe1(mp3)).isEqualTo(tpe1);
  }

  private static RawItem tpe1(Path mp3) throws Exception {
    return TagIntegrity.read(mp3, TagFormat.MP3).items().stream().filter(f -> f.id().equals("TPE1")).findFirst()
        .orElseThrow();
  }

  private void assertKeptThroughWriteAndUndo(Path file, TagFormat format) throws Exception {
    TagIntegrity.Snapshot before = TagIntegrity.read(file, format);
    assertThat(before.others(Set.of())).extracting(RawItem::id)
        .containsExactlyInAnyOrder("TIT2", "TDRC", "TPE1", "APIC", "COMM", "USLT", "TXXX");

    assertThat(store.write(file, ANALYSIS)).isTrue();
    assertThat(TagIntegrity.read(file, format).others(Set.of())).isEqualTo(before.others(Set.of()));

    store.write(file, Map.of(TagField.GENRE, List.of("MyGenre"), TagField.MOOD, List.of(),
        TagField.VALENCE, List.of()));
    assertThat(TagIntegrity.read(file, format).others(Set.of())).isEqualTo(before.others(Set.of()));
    assertThat(store.read(file).get(TagField.GENRE)).containsExactly("MyGenre");
  }

  private static List<String> artists(Path mp3) throws Exception {
    return ((MP3File) AudioFileIO.read(mp3.toFile())).getID3v2Tag().getAll(FieldKey.ARTIST);
  }
}
