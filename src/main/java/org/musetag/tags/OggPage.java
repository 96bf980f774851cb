package org.musetag.tags;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One Ogg page as it sits in the file (RFC 3533): the 27-byte header, the lacing values and the body. Musetag reads
 * and writes pages itself to rewrite the comment header of Ogg files JAudioTagger 3.0.1 cannot write (Opus): the
 * pages that carry the comment are rebuilt, the later pages of that stream only get a new sequence number and
 * checksum, every other byte is copied.
 */
final class OggPage {
  static final int FLAG_CONTINUED = 0x01;
  static final int FLAG_FIRST = 0x02;
  static final int FLAG_LAST = 0x04;

  /** A page on which no packet ends carries this granule position. */
  static final long NO_GRANULE = -1L;

  private static final int CAPTURE = 0x5367674f; // "OggS", little-endian
  private static final int[][] CRC_TABLE = crcTables();

  private final byte[] header;
  private final byte[] lacing;
  private final byte[] body;

  private OggPage(byte[] header, byte[] lacing, byte[] body) {
    this.header = header;
    this.lacing = lacing;
    this.body = body;
  }

  /** A new page (version 0) holding these segments; its checksum is computed. */
  static OggPage of(int flags, long granule, int serial, int sequence, byte[] lacing, byte[] body) {
    ByteBuffer h = ByteBuffer.allocate(27).order(ByteOrder.LITTLE_ENDIAN);
    h.putInt(CAPTURE)
        .put((byte) 0)
        .put((byte) flags)
        .putLong(granule)
        .putInt(serial)
        .putInt(sequence)
        .putInt(0);
    h.put((byte) lacing.length);
    OggPage page = new OggPage(h.array(), lacing.clone(), body);
    page.setCrc(page.computeCrc());
    return page;
  }

  /** The next page of {@code in}, or null at the end of the file; anything that is not a whole page is an error. */
  static OggPage read(DataInputStream in) throws IOException {
    byte[] header = new byte[27];
    int first = in.read();
    if (first < 0) {
      return null;
    }
    header[0] = (byte) first;
    try {
      in.readFully(header, 1, 26);
      if (ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt(0) != CAPTURE) {
        throw new IOException("not an Ogg page at a page boundary");
      }
      byte[] lacing = new byte[header[26] & 0xFF];
      in.readFully(lacing);
      int size = 0;
      for (byte b : lacing) {
        size += b & 0xFF;
      }
      byte[] body = new byte[size];
      in.readFully(body);
      return new OggPage(header, lacing, body);
    } catch (EOFException e) {
      throw new IOException("the file ends inside an Ogg page", e);
    }
  }

  int flags() {
    return header[5] & 0xFF;
  }

  long granule() {
    return buffer().getLong(6);
  }

  int serial() {
    return buffer().getInt(14);
  }

  int sequence() {
    return buffer().getInt(18);
  }

  int storedCrc() {
    return buffer().getInt(22);
  }

  byte[] lacing() {
    return lacing.clone();
  }

  byte[] body() {
    return body;
  }

  /** Whether the last packet on this page continues on the next one. */
  boolean endsInsidePacket() {
    return lacing.length > 0 && (lacing[lacing.length - 1] & 0xFF) == 255;
  }

  /** Whether the stored checksum is the one the page's bytes give. */
  boolean crcValid() {
    return storedCrc() == computeCrc();
  }

  /** The same page with another sequence number and the checksum that goes with it. */
  OggPage renumbered(int sequence) {
    OggPage copy = new OggPage(header.clone(), lacing, body);
    copy.buffer().putInt(18, sequence);
    copy.setCrc(copy.computeCrc());
    return copy;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(header);
    out.write(lacing);
    out.write(body);
  }

  long length() {
    return 27L + lacing.length + body.length;
  }

  private ByteBuffer buffer() {
    return ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
  }

  private void setCrc(int crc) {
    buffer().putInt(22, crc);
  }

  private int computeCrc() {
    byte[] zeroed = Arrays.copyOf(header, header.length);
    Arrays.fill(zeroed, 22, 26, (byte) 0);
    int crc = crc(0, zeroed);
    crc = crc(crc, lacing);
    return crc(crc, body);
  }

  /**
   * Ogg's CRC-32: polynomial 0x04c11db7, initial value 0, no reflection, no final inversion. Four bytes a step
   * ("slicing by 4": table k gives a byte's remainder followed by k zero bytes), about three times as fast as a byte
   * a step; every page Musetag reads or writes is checked with it.
   */
  static int crc(int crc, byte[] data) {
    int i = 0;
    for (int end = data.length & ~3; i < end; i += 4) {
      int x =
          crc
              ^ ((data[i] & 0xFF) << 24
                  | (data[i + 1] & 0xFF) << 16
                  | (data[i + 2] & 0xFF) << 8
                  | (data[i + 3] & 0xFF));
      crc =
          CRC_TABLE[3][x >>> 24]
              ^ CRC_TABLE[2][(x >>> 16) & 0xFF]
              ^ CRC_TABLE[1][(x >>> 8) & 0xFF]
              ^ CRC_TABLE[0][x & 0xFF];
    }
    for (; i < data.length; i++) {
      crc = (crc << 8) ^ CRC_TABLE[0][((crc >>> 24) ^ data[i]) & 0xFF];
    }
    return crc;
  }

  private static int[][] crcTables() {
    int[][] tables = new int[4][256];
    for (int i = 0; i < 256; i++) {
      int r = i << 24;
      for (int bit = 0; bit < 8; bit++) {
        r = (r & 0x8000_0000) != 0 ? (r << 1) ^ 0x04c11db7 : r << 1;
      }
      tables[0][i] = r;
    }
    for (int k = 1; k < 4; k++) {
      for (int i = 0; i < 256; i++) {
        int prev = tables[k - 1][i];
        tables[k][i] = (prev << 8) ^ tables[0][prev >>> 24];
      }
    }
    return tables;
  }
}
