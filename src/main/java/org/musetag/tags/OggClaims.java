package org.musetag.tags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The Ogg part of {@link HeaderClaims}: the length fields of the comment header (Vorbis or Opus). Ogg pages cannot
 * claim more than 64 KB each, so only the comment fields inside the reassembled packet need checking.
 */
final class OggClaims {
  private OggClaims() {}

  static void check(HeaderClaims claims, Path file) throws TagException {
    byte[][] comment = new byte[1][];
    try {
      OggPackets.read(
          file,
          (serial, index, data) -> {
            if (index == 1) {
              comment[0] = data;
              return false;
            }
            return true;
          });
    } catch (IOException e) {
      return; // pages that do not parse: the tag reader says how they are damaged
    }
    byte[] packet = comment[0];
    int skip = startsWith(packet, "\u0003vorbis") ? 7 : startsWith(packet, "OpusTags") ? 8 : -1;
    if (skip > 0) {
      ByteBuffer b =
          ByteBuffer.wrap(packet, skip, packet.length - skip)
              .slice()
              .order(ByteOrder.LITTLE_ENDIAN);
      claims.vorbisComment(b, "its comment header");
    }
  }

  private static boolean startsWith(byte[] data, String magic) {
    byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
    if (data == null || data.length < m.length) {
      return false;
    }
    for (int i = 0; i < m.length; i++) {
      if (data[i] != m[i]) {
        return false;
      }
    }
    return true;
  }
}
