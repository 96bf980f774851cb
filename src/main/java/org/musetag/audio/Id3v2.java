package org.musetag.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** The length of an ID3v2 tag in front of the audio, which MP3 (and some FLAC and WAV) files carry. */
final class Id3v2 {
  private Id3v2() {}

  /** Bytes taken by the ID3v2 tag at the start of the file (header, body and footer), 0 when there is none. */
  static long length(FileChannel ch) throws IOException {
    ByteBuffer h = ByteBuffer.allocate(10);
    ch.read(h, 0);
    return h.position() < 10 ? 0 : length(h.array());
  }

  /** The same, from the file's first ten bytes. */
  static long length(byte[] b) {
    if (!(b[0] == 'I' && b[1] == 'D' && b[2] == '3') || ((b[6] | b[7] | b[8] | b[9]) & 0x80) != 0) {
      return 0;
    }
    long size = (b[6] & 0x7fL) << 21 | (b[7] & 0x7fL) << 14 | (b[8] & 0x7fL) << 7 | (b[9] & 0x7fL);
    boolean footer = (b[5] & 0x10) != 0;
    return 10 + size + (footer ? 10 : 0);
  }
}
