package org.musetag.tags;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One frame of an ID3v2 tag or one Vorbis comment, exactly as stored: its id (frame id, or the comment's name as
 * written) and its bytes (frame flags and body, or the whole {@code NAME=value}). Two items are equal when their
 * bytes are, which is what "left alone by a write" means.
 */
record RawItem(String id, byte[] bytes) {

  @Override
  public boolean equals(Object o) {
    return o instanceof RawItem r && r.id.equals(id) && Arrays.equals(r.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * id.hashCode() + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 24));
    return id + "(" + bytes.length + " bytes: " + hex + (bytes.length > 24 ? "..." : "") + ")";
  }
}
