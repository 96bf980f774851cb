package org.musetag.tags;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ID3v2.4 tags written byte by byte, as the specification lays them out, so tests control every frame (two
 * NUL-separated artists in one TPE1, a cover, lyrics) and can damage one exactly (a flipped bit in a frame id).
 */
final class Id3Bytes {
  private final List<byte[]> frames = new ArrayList<>();

  /** A UTF-8 text frame; several values are NUL-separated in one frame, as v2.4 says. */
  Id3Bytes text(String id, String... values) {
    return frame(id, concat(new byte[] {3}, utf8(String.join("\0", values))));
  }

  /** A UTF-16 text frame, each value with its own byte-order mark, as many Windows taggers write them. */
  Id3Bytes textUtf16(String id, String... values) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(1);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        body.write(0);
        body.write(0);
      }
      body.writeBytes(values[i].getBytes(StandardCharsets.UTF_16));
    }
    return frame(id, body.toByteArray());
  }

  /** A text frame ending in a NUL terminator, which the specification allows and JAudioTagger drops. */
  Id3Bytes textTerminated(String id, String value) {
    return frame(id, concat(new byte[] {3}, utf8(value), new byte[] {0}));
  }

  Id3Bytes userText(String description, String value) {
    return frame("TXXX", concat(new byte[] {3}, utf8(description), new byte[] {0}, utf8(value)));
  }

  Id3Bytes comment(String text) {
    return frame(
        "COMM",
        concat(
            new byte[] {3}, "eng".getBytes(StandardCharsets.US_ASCII), new byte[] {0}, utf8(text)));
  }

  Id3Bytes lyrics(String text) {
    return frame(
        "USLT",
        concat(
            new byte[] {3}, "eng".getBytes(StandardCharsets.US_ASCII), new byte[] {0}, utf8(text)));
  }

  Id3Bytes cover(byte[] png) {
    return frame(
        "APIC",
        concat(
            new byte[] {0},
            "image/png".getBytes(StandardCharsets.US_ASCII),
            new byte[] {0, 3, 0},
            png));
  }

  Id3Bytes frame(String id, byte[] body) {
    ByteBuffer b = ByteBuffer.allocate(10 + body.length);
    b.put(id.getBytes(StandardCharsets.US_ASCII))
        .put(syncsafe(body.length))
        .put(new byte[2])
        .put(body);
    frames.add(b.array());
    return this;
  }

  /** The whole tag: header, frames, and {@code padding} zero bytes. */
  byte[] tag(int padding) {
    byte[] body = concat(frames.toArray(new byte[0][]));
    ByteBuffer b = ByteBuffer.allocate(10 + body.length + padding);
    b.put("ID3".getBytes(StandardCharsets.US_ASCII))
        .put((byte) 4)
        .put((byte) 0)
        .put((byte) 0)
        .put(syncsafe(body.length + padding))
        .put(body);
    return b.array();
  }

  /** Replaces the MP3's leading ID3v2 tag (FFmpeg writes one) with {@code tag}. */
  static void putOnMp3(Path mp3, byte[] tag) throws Exception {
    byte[] file = Files.readAllBytes(mp3);
    Files.write(mp3, concat(tag, Arrays.copyOfRange(file, leadingTagLength(file), file.length)));
  }

  /** Removes an MP3's leading ID3v2 tag, leaving a file with none. */
  static void stripMp3(Path mp3) throws Exception {
    putOnMp3(mp3, new byte[0]);
  }

  /** Replaces an AIFF's ID3 chunk (if any) with one holding {@code tag}, at the end of the FORM. */
  static void putOnAiff(Path aiff, byte[] tag) throws Exception {
    putInChunk(aiff, tag, ByteOrder.BIG_ENDIAN, "ID3 ");
  }

  /** Replaces a WAV's ID3 chunk (if any) with one holding {@code tag}, at the end of the RIFF. */
  static void putOnWav(Path wav, byte[] tag) throws Exception {
    putInChunk(wav, tag, ByteOrder.LITTLE_ENDIAN, "id3 ");
  }

  private static void putInChunk(Path aiff, byte[] tag, ByteOrder order, String chunkId)
      throws Exception {
    byte[] file = Files.readAllBytes(aiff);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(file, 0, 12);
    int pos = 12;
    while (pos + 8 <= file.length) {
      String id = new String(file, pos, 4, StandardCharsets.US_ASCII);
      int size = ByteBuffer.wrap(file, pos + 4, 4).order(order).getInt();
      int end = Math.min(file.length, pos + 8 + size + (size & 1));
      if (!id.equalsIgnoreCase("ID3 ")) {
        out.write(file, pos, end - pos);
      }
      pos = end;
    }
    out.write(chunkId.getBytes(StandardCharsets.US_ASCII));
    out.write(ByteBuffer.allocate(4).order(order).putInt(tag.length).array());
    out.write(tag);
    if ((tag.length & 1) != 0) {
      out.write(0);
    }
    byte[] result = out.toByteArray();
    ByteBuffer.wrap(result).order(order).putInt(4, result.length - 8);
    Files.write(aiff, result);
  }

  /** Flips one bit of the first occurrence of {@code id} in the file: {@code TDRC} becomes {@code TdRC}. */
  static void damageFrameId(Path file, String id) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    int at = indexOf(bytes, id.getBytes(StandardCharsets.US_ASCII));
    if (at < 0) {
      throw new IllegalStateException(id + " not found in " + file);
    }
    bytes[at + 1] ^= 0x20;
    Files.write(file, bytes);
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static int leadingTagLength(byte[] file) {
    if (file.length < 10 || file[0] != 'I' || file[1] != 'D' || file[2] != '3') {
      return 0;
    }
    return 10
        + ((file[6] & 0x7F) << 21
            | (file[7] & 0x7F) << 14
            | (file[8] & 0x7F) << 7
            | (file[9] & 0x7F));
  }

  private static byte[] syncsafe(int n) {
    return new byte[] {
      (byte) (n >> 21 & 0x7F), (byte) (n >> 14 & 0x7F), (byte) (n >> 7 & 0x7F), (byte) (n & 0x7F)
    };
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
