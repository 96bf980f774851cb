package org.musetag.tags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the managed fields from the comment header of an Opus file. JAudioTagger 3.0.1 cannot open Opus at all, but
 * its comment header is an ordinary Vorbis comment after the "OpusTags" magic, so Musetag can at least show what is
 * there (writing needs the Ogg pages rebuilt, which is left for later).
 */
final class OggComments {
  private static final byte[] OPUS_TAGS = "OpusTags".getBytes(StandardCharsets.US_ASCII);

  private OggComments() {}

  static TagValues readOpus(Path file, Set<TagField> userFields) throws IOException {
    byte[][] comment = new byte[1][];
    OggPackets.read(
        file,
        (serial, index, data) -> {
          if (index == 1) {
            comment[0] = data;
            return false;
          }
          return true;
        });
    if (comment[0] == null || !startsWith(comment[0], OPUS_TAGS)) {
      throw new IOException("no OpusTags header");
    }
    return parse(ByteBuffer.wrap(comment[0], OPUS_TAGS.length, comment[0].length - OPUS_TAGS.length), userFields);
  }

  private static TagValues parse(ByteBuffer b, Set<TagField> userFields) throws IOException {
    b.order(ByteOrder.LITTLE_ENDIAN);
    skip(b, b.getInt()); // vendor
    long count = Integer.toUnsignedLong(b.getInt());
    Map<TagField, List<String>> values = new TreeMap<>();
    for (long i = 0; i < count; i++) {
      int length = b.getInt();
      if (length < 0 || length > b.remaining()) {
        throw new IOException("comment longer than its header");
      }
      String entry = new String(b.array(), b.arrayOffset() + b.position(), length, StandardCharsets.UTF_8);
      skip(b, length);
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = entry.substring(0, eq);
      String value = entry.substring(eq + 1).strip();
      for (TagField field : FieldNames.withUserFields(userFields)) {
        if (FieldNames.vorbis(field).equalsIgnoreCase(name) && !value.isEmpty()) {
          values.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
        }
      }
    }
    return new TagValues(values);
  }

  private static void skip(ByteBuffer b, int n) throws IOException {
    if (n < 0 || n > b.remaining()) {
      throw new IOException("damaged comment header");
    }
    b.position(b.position() + n);
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    if (data.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
