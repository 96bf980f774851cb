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
 * undone, every frame or comment that is not a managed field is there byte for byte, as Musetag's own reader sees
 * it, and a v2.4 TPE1 holding two artists still holds both.
 */
class UntouchedFramesTest {
  static final Map<TagField, List<String>> ANALYSIS =
      Map.of(
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
    store.write(
        mp3,
        Map.of(
            TagField.GENRE,
            List.of("MyGenre"),
            TagField.MOOD,
            List.of(),
            TagField.VALENCE,
            List.of()));
    assertThat(artists(mp3)).containsExactly("piman", "jzig");
    assertThat(tpe1(mp3)).isEqualTo(tpe1);
  }

  private static RawItem tpe1(Path mp3) throws Exception {
    return TagIntegrity.read(mp3, TagFormat.MP3).items().stream()
        .filter(f -> f.id().equals("TPE1"))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Vorbis comments come back in their order and spelling: JAudioTagger would group them by name, write the names
   * in capitals and drop one without '='.
   */
  @Test
  void aFlacKeepsEveryCommentInItsOrderAndSpelling() throws Exception {
    Path flac = AudioFixtures.tone(dir, "comments", Encoding.FLAC, 440, 1.0);
    replaceComments(
        flac,
        "artist=piman",
        "TITLE=Song",
        "ARTIST=jzig",
        "album=Album",
        "NOEQUALS",
        "genre=MyGenre");
    List<RawItem> before = TagIntegrity.read(flac, TagFormat.FLAC).items();

    assertThat(store.write(flac, ANALYSIS)).isTrue();
    List<RawItem> after = TagIntegrity.read(flac, TagFormat.FLAC).items();
    assertThat(after.subList(0, 5)).isEqualTo(before.subList(0, 5));
    assertThat(store.read(flac).get(TagField.GENRE)).containsExactly("electronic", "rock");

    store.write(
        flac,
        Map.of(
            TagField.GENRE,
            List.of("MyGenre"),
            TagField.MOOD,
            List.of(),
            TagField.VALENCE,
            List.of()));
    assertThat(TagIntegrity.read(flac, TagFormat.FLAC).items())
        .extracting(i -> new String(i.bytes()))
        .containsExactly(
            "artist=piman",
            "TITLE=Song",
            "ARTIST=jzig",
            "album=Album",
            "NOEQUALS",
            "GENRE=MyGenre");
  }

  /** Replaces the FLAC's comment block with one holding exactly these comments, byte for byte. */
  static void replaceComments(Path flac, String... comments) throws Exception {
    byte[] file = java.nio.file.Files.readAllBytes(flac);
    int block = DamagedTagRefusalTest.commentBlock(file);
    java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(file, block, 4);
    int head = header.getInt(block);
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(le(1));
    body.write('v');
    body.writeBytes(le(comments.length));
    for (String c : comments) {
      byte[] b = c.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      body.writeBytes(le(b.length));
      body.writeBytes(b);
    }
    byte[] newHead =
        java.nio.ByteBuffer.allocate(4).putInt((head & 0xFF00_0000) | body.size()).array();
    java.nio.file.Files.write(
        flac,
        Id3Bytes.concat(
            java.util.Arrays.copyOfRange(file, 0, block),
            newHead,
            body.toByteArray(),
            java.util.Arrays.copyOfRange(file, block + 4 + (head & 0xFF_FFFF), file.length)));
  }

  private static byte[] le(int n) {
    return java.nio.ByteBuffer.allocate(4)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .putInt(n)
        .array();
  }

  private void assertKeptThroughWriteAndUndo(Path file, TagFormat format) throws Exception {
    TagIntegrity.Snapshot before = TagIntegrity.read(file, format);
    assertThat(before.others(Set.of()))
        .extracting(RawItem::id)
        .containsExactlyInAnyOrder("TIT2", "TDRC", "TPE1", "APIC", "COMM", "USLT", "TXXX");

    assertThat(store.write(file, ANALYSIS)).isTrue();
    assertThat(TagIntegrity.read(file, format).others(Set.of())).isEqualTo(before.others(Set.of()));

    store.write(
        file,
        Map.of(
            TagField.GENRE,
            List.of("MyGenre"),
            TagField.MOOD,
            List.of(),
            TagField.VALENCE,
            List.of()));
    assertThat(TagIntegrity.read(file, format).others(Set.of())).isEqualTo(before.others(Set.of()));
    assertThat(store.read(file).get(TagField.GENRE)).containsExactly("MyGenre");
  }

  private static List<String> artists(Path mp3) throws Exception {
    return ((MP3File) AudioFileIO.read(mp3.toFile())).getID3v2Tag().getAll(FieldKey.ARTIST);
  }
}
