package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;

/**
 * Files whose container claims more bytes than they hold (one length field set to 0x7FFFFFF0, as a damaged or hostile
 * file has it) are refused by name, with the claim, before anything allocates it: JAudioTagger 3.0.1 died with
 * OutOfMemoryError writing the WAV and AIFF ones. The files are left exactly as they were.
 */
class HeaderClaimsTest {
  private static final int HUGE = 0x7FFF_FFF0;
  private static final Map<TagField, List<String>> GENRE = Map.of(TagField.GENRE, List.of("Rock"));

  @TempDir Path dir;
  private final TagStore store = new JaudiotaggerTagStore(TagOptions.defaults());

  @Test
  void aWavWhoseId3ChunkClaimsTwoGigabytesIsRefusedWithoutRunningOutOfMemory() throws Exception {
    Path file = TagTestFiles.withUserTags(dir, "claims", Encoding.WAV);
    byte[] bytes = Files.readAllBytes(file);
    int chunk = iffChunk(bytes, "id3 ", ByteOrder.LITTLE_ENDIAN);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(chunk + 4, HUGE);

    assertRefused(
        file,
        bytes,
        "its 'id3 ' chunk claims 2147483632 bytes but the file holds only " + bytes.length);
  }

  @Test
  void anAiffWhoseId3ChunkClaimsTwoGigabytesIsRefusedWithoutRunningOutOfMemory() throws Exception {
    Path file = TagTestFiles.withUserTags(dir, "claims", Encoding.AIFF);
    byte[] bytes = Files.readAllBytes(file);
    int chunk = iffChunk(bytes, "ID3 ", ByteOrder.BIG_ENDIAN);
    ByteBuffer.wrap(bytes).putInt(chunk + 4, HUGE);

    assertRefused(
        file,
        bytes,
        "its 'ID3 ' chunk claims 2147483632 bytes but the file holds only " + bytes.length);
  }

  @Test
  void anMp3WhoseId3v2TagClaimsMoreThanTheFileIsRefused() throws Exception {
    Path file = TagTestFiles.withUserTags(dir, "claims", Encoding.MP3);
    byte[] bytes = Files.readAllBytes(file);
    Arrays.fill(bytes, 6, 10, (byte) 0x7F); // syncsafe size: 256 MB

    assertRefused(
        file,
        bytes,
        "its ID3v2 tag claims 268435465 bytes but the file holds only " + bytes.length);
  }

  @Test
  void aFlacWhosePictureClaimsMoreThanItsBlockIsRefused() throws Exception {
    Path file = TagTestFiles.withUserTags(dir, "claims", Encoding.FLAC);
    byte[] bytes = Files.readAllBytes(file);
    int block = flacBlock(bytes, 6);
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int length = b.getInt(block) & 0xFF_FFFF;
    int mime = b.getInt(block + 8);
    int description = b.getInt(block + 12 + mime);
    b.putInt(block + 12 + mime + 4 + description + 16, HUGE);

    assertRefused(
        file,
        bytes,
        "its picture data claims 2147483632 bytes but its picture block holds only " + length);
  }

  @Test
  void anOggVorbisFileWhoseCommentClaimsMoreThanItsHeaderIsRefused() throws Exception {
    Path file = TagTestFiles.withUserTags(dir, "claims", Encoding.OGG_VORBIS);
    byte[] bytes = Files.readAllBytes(file);
    int header = indexOf(bytes, "\u0003vorbis".getBytes(StandardCharsets.ISO_8859_1), 0) + 7;
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int vendor = b.getInt(header);
    b.putInt(header + 4 + vendor + 4, HUGE);

    assertRefused(
        file, bytes, "its comment 1 claims 2147483632 bytes but its comment header holds only");
  }

  @Test
  void anM4aWhoseTagItemClaimsMoreThanItsListIsRefused() throws Exception {
    Path file = TagTestFiles.withUserTags(dir, "claims", Encoding.M4A_AAC);
    byte[] bytes = Files.readAllBytes(file);
    int ilst = indexOf(bytes, "ilst".getBytes(StandardCharsets.ISO_8859_1), 0) - 4;
    ByteBuffer b = ByteBuffer.wrap(bytes);
    String item = new String(bytes, ilst + 12, 4, StandardCharsets.ISO_8859_1);
    b.putInt(ilst + 8, HUGE);

    assertRefused(
        file,
        bytes,
        "its '"
            + item
            + "' box claims 2147483632 bytes but the 'ilst' box around it holds only "
            + (b.getInt(ilst) - 8));
  }

  @Test
  void anM4aWhoseBoxesNestDeeperThanAnyRealFileIsRefused() throws Exception {
    Path file = TagTestFiles.withUserTags(dir, "claims", Encoding.M4A_AAC);
    byte[] nested = new byte[0];
    for (int i = 0; i < 2000; i++) {
      nested = box(i == 1999 ? "moov" : "trak", nested);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Files.readAllBytes(file));
    out.write(nested);
    byte[] bytes = out.toByteArray();

    assertRefused(file, bytes, "its boxes are nested more than 16 deep");
  }

  @Test
  void aTruncatedRecordingStillHasItsTagsRead() throws Exception {
    Path file = AudioFixtures.tone(dir, "cut", Encoding.WAV, 440, 1.0);
    store.write(file, GENRE);
    byte[] whole = Files.readAllBytes(file);
    int data = iffChunk(whole, "data", ByteOrder.LITTLE_ENDIAN);
    byte[] tagFirst =
        moveChunkToFront(whole, iffChunk(whole, "id3 ", ByteOrder.LITTLE_ENDIAN), data);
    Files.write(file, Arrays.copyOf(tagFirst, tagFirst.length - 10_000));

    assertThat(store.read(file).get(TagField.GENRE)).containsExactly("Rock");
  }

  private void assertRefused(Path file, byte[] bytes, String claim) throws Exception {
    Files.write(file, bytes);
    assertThatThrownBy(() -> store.read(file))
        .isInstanceOf(TagException.class)
        .hasMessageStartingWith(file + ": cannot read tags: " + claim);
    assertThatThrownBy(() -> store.write(file, GENRE))
        .isInstanceOf(TagException.class)
        .hasMessageContaining(claim);
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  /** Where the chunk {@code id} of a WAV or AIFF file starts. */
  static int iffChunk(byte[] bytes, String id, ByteOrder order) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
    int pos = 12;
    while (pos + 8 <= bytes.length) {
      if (new String(bytes, pos, 4, StandardCharsets.ISO_8859_1).equals(id)) {
        return pos;
      }
      int size = b.getInt(pos + 4);
      pos += 8 + size + (size & 1);
    }
    throw new AssertionError("no " + id + " chunk");
  }

  /** The file with the chunk at {@code chunk} (the last one) moved before the one at {@code before}. */
  private static byte[] moveChunkToFront(byte[] bytes, int chunk, int before) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, before);
    out.write(bytes, chunk, bytes.length - chunk);
    out.write(bytes, before, chunk - before);
    return out.toByteArray();
  }

  private static int flacBlock(byte[] bytes, int type) {
    int pos = 4;
    while (true) {
      int head = ByteBuffer.wrap(bytes).getInt(pos);
      if (((head >>> 24) & 0x7F) == type) {
        return pos;
      }
      if (head < 0) {
        throw new AssertionError("no metadata block " + type);
      }
      pos += 4 + (head & 0xFF_FFFF);
    }
  }

  private static byte[] box(String type, byte[] payload) {
    return ByteBuffer.allocate(8 + payload.length)
        .putInt(8 + payload.length)
        .put(type.getBytes(StandardCharsets.ISO_8859_1))
        .put(payload)
        .array();
  }

  private static int indexOf(byte[] bytes, byte[] what, int from) {
    for (int i = from; i + what.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + what.length, what, 0, what.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}
