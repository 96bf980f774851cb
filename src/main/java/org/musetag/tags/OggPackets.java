package org.musetag.tags;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an Ogg file page by page and reassembles its packets. Used to compare the audio packets of an Ogg file
 * before and after a tag write (the comment header is the only packet a tag write may change; pages after it may be
 * renumbered); the test suite reads Opus comments with it independently of the writer.
 */
final class OggPackets {

  /** Receives each complete packet, and each page once its packets have been delivered. */
  interface Listener {
    /** @return false to stop reading */
    boolean packet(int serial, int index, byte[] data) throws IOException;

    default void pageEnd(int serial, long granule, int packetsCompleted) throws IOException {}
  }

  /** Far above any real packet (a comment header with large cover art is a few MB); a damaged file's can be endless. */
  static final int MAX_PACKET = 256 << 20;

  private OggPackets() {}

  static void read(Path file, Listener listener) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      Map<Integer, ByteArrayOutputStream> partial = new HashMap<>();
      Map<Integer, Integer> counts = new HashMap<>();
      byte[] header = new byte[27];
      while (true) {
        try {
          in.readFully(header);
        } catch (EOFException end) {
          return;
        }
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        if (h.getInt(0) != 0x5367674f) { // "OggS"
          throw new IOException("not an Ogg page at a page boundary");
        }
        long granule = h.getLong(6);
        int serial = h.getInt(14);
        byte[] lacing = new byte[header[26] & 0xFF];
        in.readFully(lacing);
        ByteArrayOutputStream packet =
            partial.computeIfAbsent(serial, s -> new ByteArrayOutputStream());
        for (byte lace : lacing) {
          int len = lace & 0xFF;
          byte[] seg = new byte[len];
          in.readFully(seg);
          packet.writeBytes(seg);
          if (packet.size() > MAX_PACKET) {
            throw new IOException(
                "an Ogg packet runs on past " + (MAX_PACKET >> 20) + " MB (the file is damaged)");
          }
          if (len < 255) {
            int index = counts.merge(serial, 1, Integer::sum) - 1;
            if (!listener.packet(serial, index, packet.toByteArray())) {
              return;
            }
            packet.reset();
          }
        }
        listener.pageEnd(serial, granule, counts.getOrDefault(serial, 0));
      }
    }
  }
}
