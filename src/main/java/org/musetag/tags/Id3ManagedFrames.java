package org.musetag.tags;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Which raw ID3v2 frames (as {@link Id3Structure} reads them) hold the fields a write manages, so that every other
 * frame can be required to survive byte for byte. Reads only as much of a frame as that takes: the id, and for
 * TXXX the description.
 */
final class Id3ManagedFrames {
  private Id3ManagedFrames() {}

  /**
   * Whether a frame holds a field this write manages: TCON, TMOO, TBPM, TKEY, or a TXXX whose description is a managed name
   * ({@link FieldNames#isCustom}). A TXXX whose description cannot be read (compressed, encrypted) is the user's.
   */
  static boolean isManaged(RawItem frame, int major, Set<TagField> userFields) {
    String id = frame.id();
    if (FieldNames.isManagedId3Frame(id)) {
      return true;
    }
    if (!id.equals("TXXX") && !id.equals("TXX")) {
      return false;
    }
    return FieldNames.isCustom(txxxDescription(frame.bytes(), major), userFields);
  }

  private static String txxxDescription(byte[] frame, int major) {
    byte[] data = frame;
    if (major >= 3) {
      int status = frame.length > 1 ? frame[1] & 0xFF : 0;
      int skip = 2;
      if (major == 3) {
        if ((status & 0xC0) != 0) {
          return null;
        }
        skip += (status & 0x20) != 0 ? 1 : 0;
      } else {
        if ((status & 0x0C) != 0) {
          return null;
        }
        skip += ((status & 0x40) != 0 ? 1 : 0) + ((status & 0x01) != 0 ? 4 : 0);
      }
      if (skip > frame.length) {
        return null;
      }
      data = java.util.Arrays.copyOfRange(frame, skip, frame.length);
      if (major == 4 && (status & 0x02) != 0) {
        data = Id3Structure.deUnsynchronise(data);
      }
    }
    if (data.length < 1) {
      return null;
    }
    int encoding = data[0];
    boolean wide = encoding == 1 || encoding == 2;
    int end = 1;
    while (end < data.length
        && !(wide
            ? end + 1 < data.length && data[end] == 0 && data[end + 1] == 0
            : data[end] == 0)) {
      end += wide ? 2 : 1;
    }
    Charset cs =
        switch (encoding) {
          case 1 -> StandardCharsets.UTF_16;
          case 2 -> StandardCharsets.UTF_16BE;
          case 3 -> StandardCharsets.UTF_8;
          default -> StandardCharsets.ISO_8859_1;
        };
    return new String(data, 1, Math.min(end, data.length) - 1, cs);
  }
}
