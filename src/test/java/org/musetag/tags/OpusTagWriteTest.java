package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.FfmpegAudioDecoder;

/**
 * What the Opus writer does to the Ogg pages: a comment header that outgrows its page spans several, the pages after
 * it are renumbered with fresh checksums and otherwise stay byte for byte, and a damaged file is not rewritten.
 */
class OpusTagWriteTest {
  @TempDir Path dir;
  final TagStore store = new JaudiotaggerTagStore(TagOptions.defaults());

  @Test
  void aCommentHeaderLargerThanAPageSpansPagesAndTheAudioPagesOnlyGetNewNumbers() throws Exception {
    Path file = OpusFixture.withUserTags(dir.resolve("big.opus"), TagTestFiles.png());
    List<Page> before = pages(file);
    List<String> userTags = OpusFixture.userTags(file);
    assertThat(before)
        .allSatisfy(
            p -> assertThat(p.crcMatches()).isTrue()); // the test's CRC agrees with FFmpeg's
    float[] audio = new FfmpegAudioDecoder().decode(file, 8000).samples();
    String huge = "a".repeat(200_000);

    assertThat(
            store.write(
                file, Map.of(TagField.MOOD, List.of(huge), TagField.GENRE, List.of("rock"))))
        .isTrue();

    List<Page> after = pages(file);
    int added = after.size() - before.size();
    assertThat(added).isGreaterThanOrEqualTo(3); // 200 kB at most 65,025 bytes a page
    assertThat(store.read(file).get(TagField.MOOD)).containsExactly(huge);
    assertThat(OpusFixture.userTags(file)).isEqualTo(userTags);
    for (int i = 2; i < before.size(); i++) {
      Page old = before.get(i);
      Page now = after.get(i + added);
      assertThat(now.withoutSequenceAndCrc())
          .as("page %d", i)
          .isEqualTo(old.withoutSequenceAndCrc());
      assertThat(now.sequence()).isEqualTo(old.sequence() + added);
    }
    assertThat(after).allSatisfy(p -> assertThat(p.crcMatches()).isTrue());
    assertThat(new FfmpegAudioDecoder().decode(file, 8000).samples()).isEqualTo(audio);
    assertThat(ffprobeTags(file))
        .containsEntry("genre", "rock")
        .containsEntry("title", "Fixture title é");

    assertThat(store.write(file, Map.of(TagField.MOOD, List.of("calm")))).isTrue();

    assertThat(pages(file)).hasSameSizeAs(before);
    assertThat(new FfmpegAudioDecoder().decode(file, 8000).samples()).isEqualTo(audio);
  }

  @Test
  void theOtherCommentsKeepTheirBytesAndOrderAndNewValuesTakeTheOldOnesPlace() throws Exception {
    Path file =
        OpusFixture.write(
            dir.resolve("order.opus"),
            new java.util.LinkedHashMap<>(Map.of("TITLE", "t", "genre", "Pop", "ARTIST", "a")));
    List<String> before = OpusFixture.comments(file);

    store.write(file, Map.of(TagField.GENRE, List.of("Jazz", "Dub")));

    List<String> expected = new ArrayList<>();
    for (String c : before) {
      if (c.startsWith("genre=")) {
        expected.addAll(List.of("GENRE=Jazz", "GENRE=Dub"));
      } else {
        expected.add(c);
      }
    }
    assertThat(OpusFixture.comments(file)).isEqualTo(expected);
  }

  @Test
  void binaryDataAfterTheCommentsIsKept() throws Exception {
    Path file = OpusFixture.write(dir.resolve("extra.opus"), Map.of("TITLE", "t"));
    byte[] extra = {1, 'x', 'y', 0, (byte) 0xFE};
    appendToCommentHeader(file, extra);

    store.write(file, Map.of(TagField.GENRE, List.of("rock")));

    byte[] packet = commentPacket(file);
    assertThat(Arrays.copyOfRange(packet, packet.length - extra.length, packet.length))
        .isEqualTo(extra);
    assertThat(store.read(file).get(TagField.GENRE)).containsExactly("rock");
  }

  @Test
  void aFileWithADamagedPageIsRefusedAndLeftAlone() throws Exception {
    Path file = OpusFixture.write(dir.resolve("damaged.opus"), Map.of("TITLE", "t"));
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 10] ^= 0x40; // inside the last audio page: its checksum no longer matches
    Files.write(file, bytes);

    assertThatThrownBy(() -> store.write(file, Map.of(TagField.GENRE, List.of("rock"))))
        .isInstanceOf(TagException.class)
        .hasMessageStartingWith(file + ": cannot write tags: the file is damaged (Ogg page ")
        .hasMessageEndingWith("has a wrong checksum)");
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
  }

  /** One page as the test reads it, independently of the writer's own page code. */
  record Page(byte[] bytes) {
    int sequence() {
      return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(18);
    }

    List<Byte> withoutSequenceAndCrc() {
      byte[] copy = bytes.clone();
      Arrays.fill(copy, 18, 26, (byte) 0);
      List<Byte> out = new ArrayList<>();
      for (byte b : copy) {
        out.add(b);
      }
      return out;
    }

    boolean crcMatches() {
      byte[] copy = bytes.clone();
      Arrays.fill(copy, 22, 26, (byte) 0);
      int crc = 0;
      for (byte b : copy) {
        crc ^= (b & 0xFF) << 24;
        for (int i = 0; i < 8; i++) {
          crc = (crc & 0x8000_0000) != 0 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
        }
      }
      return crc == ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(22);
    }
  }

  static List<Page> pages(Path file) throws IOException {
    List<Page> pages = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(raw)) {
      byte[] header = new byte[27];
      while (in.read(header, 0, 1) == 1) {
        in.readFully(header, 1, 26);
        byte[] lacing = new byte[header[26] & 0xFF];
        in.readFully(lacing);
        int size = 0;
        for (byte b : lacing) {
          size += b & 0xFF;
        }
        byte[] page = new byte[27 + lacing.length + size];
        System.arraycopy(header, 0, page, 0, 27);
        System.arraycopy(lacing, 0, page, 27, lacing.length);
        in.readFully(page, 27 + lacing.length, size);
        pages.add(new Page(page));
      }
    }
    return pages;
  }

  private static byte[] commentPacket(Path file) throws IOException {
    byte[][] packet = new byte[1][];
    OggPackets.read(
        file,
        (serial, index, data) -> {
          if (index == 1) {
            packet[0] = data;
            return false;
          }
          return true;
        });
    return packet[0];
  }

  /**
   * Appends bytes after the comments of a fixture whose comment header fills its own single page (second page of
   * the file), fixing the page's lacing and checksum by hand.
   */
  private static void appendToCommentHeader(Path file, byte[] extra) throws IOException {
    List<Page> pages = pages(file);
    Page tags = pages.get(1);
    byte[] b = tags.bytes();
    int segments = b[26] & 0xFF;
    int last = b[26 + segments] & 0xFF;
    if (last + extra.length >= 255) {
      throw new IllegalStateException(
          "fixture comment header ends too close to a segment boundary");
    }
    byte[] page = new byte[b.length + extra.length];
    System.arraycopy(b, 0, page, 0, b.length);
    System.arraycopy(extra, 0, page, b.length, extra.length);
    page[26 + segments] = (byte) (last + extra.length);
    Arrays.fill(page, 22, 26, (byte) 0);
    int crc = 0;
    for (byte x : page) {
      crc ^= (x & 0xFF) << 24;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 0x8000_0000) != 0 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
      }
    }
    ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN).putInt(22, crc);
    try (var out = Files.newOutputStream(file)) {
      for (int i = 0; i < pages.size(); i++) {
        out.write(i == 1 ? page : pages.get(i).bytes());
      }
    }
  }

  private static Map<String, String> ffprobeTags(Path file) throws Exception {
    Process p =
        new ProcessBuilder(
                "ffprobe",
                "-v",
                "error",
                "-show_streams",
                "-select_streams",
                "a",
                "-of",
                "json",
                file.toString())
            .redirectErrorStream(false)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    JsonObject tags =
        JsonParser.parseString(out)
            .getAsJsonObject()
            .getAsJsonArray("streams")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("tags");
    Map<String, String> result = new java.util.TreeMap<>();
    tags.entrySet()
        .forEach(
            e ->
                result.put(
                    e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue().getAsString()));
    return result;
  }
}
