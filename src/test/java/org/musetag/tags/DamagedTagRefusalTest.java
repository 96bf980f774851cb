package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.flac.FlacTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;

/**
 * A tag Musetag cannot read completely is never rewritten (issue 11, item 1): one flipped bit in a frame id makes
 * JAudioTagger read the frames after it as if they did not exist, and a FLAC comment count of 0xFFFFFFFF makes it
 * read none; writing either would drop the user's cover, lyrics and comments. Each is refused, the file untouched.
 */
class DamagedTagRefusalTest {
  static final Map<TagField, List<String>> GENRE = Map.of(TagField.GENRE, List.of("rock"));

  @TempDir Path dir;
  private final TagStore store = new JaudiotaggerTagStore(TagOptions.defaults());

  /**
   * A v2.4 tag rich in the user's frames: TDRC comes before the cover, comment, lyrics, genre and TXXX; the title
   * ends in a NUL and the two artists are UTF-16 with byte-order marks, both of which JAudioTagger re-encodes.
   */
  static byte[] richTag() {
    return new Id3Bytes()
        .textTerminated("TIT2", "Song")
        .text("TDRC", "2019")
        .textUtf16("TPE1", "piman", "jzig")
        .cover(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4, 5, 6, 7, 8})
        .comment("a comment")
        .lyrics("la la la")
        .text("TCON", "MyGenre")
        .userText("MINE", "kept")
        .tag(64);
  }

  @Test
  void anMp3WhoseFrameIdHasAFlippedBitIsRefusedAndLeftAsItWas() throws Exception {
    Path mp3 = AudioFixtures.tone(dir, "damaged", Encoding.MP3, 440, 1.0);
    Id3Bytes.putOnMp3(mp3, richTag());
    Id3Bytes.damageFrameId(mp3, "TDRC");
    byte[] before = Files.readAllBytes(mp3);

    assertThatThrownBy(() -> store.write(mp3, GENRE))
        .isInstanceOf(TagException.class)
        .hasMessageContaining(
            "damaged.mp3: cannot write tags: its ID3v2 tag is damaged (frame 2 has an invalid id"
                + " 'TdRC' at byte ")
        .hasMessageEndingWith("nothing was changed");
    assertThat(Files.readAllBytes(mp3)).isEqualTo(before);
  }

  @Test
  void anAiffWhoseFrameIdHasAFlippedBitIsRefusedAndLeftAsItWas() throws Exception {
    Path aiff = AudioFixtures.tone(dir, "damaged", Encoding.AIFF, 440, 1.0);
    Id3Bytes.putOnAiff(aiff, richTag());
    Id3Bytes.damageFrameId(aiff, "TDRC");
    byte[] before = Files.readAllBytes(aiff);

    assertThatThrownBy(() -> store.write(aiff, GENRE))
        .isInstanceOf(TagException.class)
        .hasMessageContaining("its ID3v2 tag is damaged (frame 2 has an invalid id 'TdRC'");
    assertThat(Files.readAllBytes(aiff)).isEqualTo(before);
  }

  @Test
  void theRefusalIsKnownBeforeWritingSoADryRunCanShowIt() throws Exception {
    Path mp3 = AudioFixtures.tone(dir, "damaged", Encoding.MP3, 440, 1.0);
    Id3Bytes.putOnMp3(mp3, richTag());
    Id3Bytes.damageFrameId(mp3, "TDRC");

    assertThatThrownBy(() -> store.checkSafeToRewrite(mp3))
        .hasMessageContaining("invalid id 'TdRC'");
  }

  @Test
  void aFlacWhoseCommentCountIsImpossibleIsRefusedAndLeftAsItWas() throws Exception {
    Path flac = flacWithSixComments();
    patchCommentCount(flac, 0xFFFF_FFFF);
    byte[] before = Files.readAllBytes(flac);

    assertThatThrownBy(() -> store.write(flac, GENRE))
        .isInstanceOf(TagException.class)
        .hasMessageContaining(
            "cannot write tags: its FLAC metadata (Vorbis comments) is damaged (its comment count"
                + " says 4294967295 but the block holds only 6 comments");
    assertThat(Files.readAllBytes(flac)).isEqualTo(before);
  }

  @Test
  void aFlacWithTwoCommentBlocksIsRefusedRatherThanHavingOneBlockWin() throws Exception {
    Path flac = flacWithSixComments();
    duplicateCommentBlock(flac, "ARTIST=Second block artist");
    byte[] before = Files.readAllBytes(flac);

    assertThatThrownBy(() -> store.write(flac, GENRE))
        .isInstanceOf(TagException.class)
        .hasMessageContaining("it has two Vorbis comment blocks");
    assertThat(Files.readAllBytes(flac)).isEqualTo(before);
  }

  @Test
  void anIntactFlacIsStillWritten() throws Exception {
    Path flac = flacWithSixComments();
    List<RawItem> before = TagIntegrity.read(flac, TagFormat.FLAC).others(Set.of());

    assertThat(store.write(flac, GENRE)).isTrue();

    assertThat(TagIntegrity.read(flac, TagFormat.FLAC).others(Set.of())).isEqualTo(before);
    assertThat(store.read(flac).get(TagField.GENRE)).containsExactly("rock");
  }

  /** FFmpeg's title, artist and encoder, and three of the user's own. */
  private Path flacWithSixComments() throws Exception {
    Path flac = AudioFixtures.tone(dir, "six", Encoding.FLAC, 440, 1.0);
    AudioFile audio = AudioFileIO.read(flac.toFile());
    FlacTag tag = (FlacTag) audio.getTag();
    tag.getVorbisCommentTag().setField("ALBUM", "Album");
    tag.getVorbisCommentTag().setField("COMMENT", "a comment");
    tag.getVorbisCommentTag().setField("LYRICS", "la la la");
    audio.commit();
    assertThat(TagIntegrity.read(flac, TagFormat.FLAC).items()).hasSize(6);
    return flac;
  }

  /** Offset of the VORBIS_COMMENT block's header. */
  static int commentBlock(byte[] file) {
    int pos = 4;
    while (true) {
      int head = ByteBuffer.wrap(file, pos, 4).getInt();
      if (((head >>> 24) & 0x7F) == 4) {
        return pos;
      }
      if ((head & 0x8000_0000) != 0) {
        throw new IllegalStateException("no comment block");
      }
      pos += 4 + (head & 0xFF_FFFF);
    }
  }

  private static void patchCommentCount(Path flac, int count) throws Exception {
    byte[] file = Files.readAllBytes(flac);
    int block = commentBlock(file) + 4;
    int vendor = ByteBuffer.wrap(file, block, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(block + 4 + vendor, count);
    Files.write(flac, file);
  }

  /** Inserts a second comment block, holding one comment, right after the first (as files from the wild have). */
  private static void duplicateCommentBlock(Path flac, String comment) throws Exception {
    byte[] file = Files.readAllBytes(flac);
    int block = commentBlock(file);
    int length = ByteBuffer.wrap(file, block, 4).getInt() & 0xFF_FFFF;
    byte[] text = comment.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ByteBuffer second = ByteBuffer.allocate(4 + 4 + 4 + 4 + text.length);
    second.putInt(4 << 24 | (second.capacity() - 4));
    second.order(ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(1).putInt(text.length).put(text);
    int at = block + 4 + length;
    Files.write(
        flac,
        Id3Bytes.concat(
            java.util.Arrays.copyOfRange(file, 0, at),
            second.array(),
            java.util.Arrays.copyOfRange(file, at, file.length)));
  }
}
