package org.musetag.tags;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the comment header of an Ogg file's first stream sits, and how to write the file again with another one.
 *
 * <p>The comment is the stream's second packet (Vorbis: the comment header; Opus: OpusTags; Ogg FLAC: the VORBIS_COMMENT block). It starts on a
 * page of its own and may span several; the last of them may hold further header packets (carried over as they are)
 * but must end at a packet boundary, as RFC 7845 and the Ogg FLAC mapping require. Only those pages are rebuilt; the
 * stream's later pages get new sequence numbers when the count of comment pages changes (and so new checksums), and
 * every other page, audio included, is copied byte for byte.
 */
final class OggCommentHeader {
  private static final byte[] OPUS_HEAD = "OpusHead".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OGG_FLAC = {0x7F, 'F', 'L', 'A', 'C'};
  private static final byte[] VORBIS_ID = {1, 'v', 'o', 'r', 'b', 'i', 's'};

  final CommentPacket.Kind kind;
  final CommentPacket comment;
  private final int serial;
  private final long regionStart;
  private final long regionEnd;
  private final int regionPages;
  private final int firstSequence;
  private final long granule;
  private final boolean lastPageOfStream;

  /** Complete packets after the comment on its last page (further header packets), kept as they are. */
  private final List<byte[]> following;

  private OggCommentHeader(
      CommentPacket.Kind kind,
      CommentPacket comment,
      int serial,
      long regionStart,
      long regionEnd,
      int regionPages,
      int firstSequence,
      long granule,
      boolean lastPageOfStream,
      List<byte[]> following) {
    this.kind = kind;
    this.comment = comment;
    this.serial = serial;
    this.regionStart = regionStart;
    this.regionEnd = regionEnd;
    this.regionPages = regionPages;
    this.firstSequence = firstSequence;
    this.granule = granule;
    this.lastPageOfStream = lastPageOfStream;
    this.following = following;
  }

  /** Finds and parses the comment header of {@code file}'s first stream, which must be Opus, Vorbis or FLAC. */
  static OggCommentHeader read(Path file) throws IOException {
    try (Counting counting = new Counting(Files.newInputStream(file));
        DataInputStream in = new DataInputStream(counting)) {
      OggPage first = OggPage.read(in);
      if (first == null || (first.flags() & OggPage.FLAG_FIRST) == 0) {
        throw new IOException("the file does not start an Ogg stream");
      }
      int serial = first.serial();
      byte[] id = first.body();
      CommentPacket.Kind kind =
          startsWith(id, OPUS_HEAD)
              ? CommentPacket.Kind.OPUS
              : startsWith(id, OGG_FLAC)
                  ? CommentPacket.Kind.FLAC
                  : startsWith(id, VORBIS_ID) ? CommentPacket.Kind.VORBIS : null;
      if (kind == null) {
        throw new IOException("the first Ogg stream is neither Opus, Vorbis nor FLAC");
      }
      if (first.lacing().length == 0 || first.endsInsidePacket() || packetsOn(first) != 1) {
        throw new IOException(
            "the first Ogg page does not hold exactly the stream's identification header");
      }
      long start;
      OggPage page;
      do {
        start = counting.count;
        page = OggPage.read(in);
        if (page == null) {
          throw new IOException("the file ends before its comment header");
        }
      } while (page.serial() != serial);
      if ((page.flags() & OggPage.FLAG_CONTINUED) != 0) {
        throw new IOException("the comment header does not start a page");
      }
      int firstSequence = page.sequence();
      ByteArrayOutputStream packet = new ByteArrayOutputStream();
      List<byte[]> packets = new ArrayList<>();
      int pages = 0;
      while (true) {
        if (page.serial() != serial) {
          throw new IOException("another stream's page lies inside the comment header");
        }
        pages++;
        int offset = 0;
        for (byte lace : page.lacing()) {
          int len = lace & 0xFF;
          packet.write(page.body(), offset, len);
          offset += len;
          if (len < 255) {
            packets.add(packet.toByteArray());
            packet.reset();
          }
        }
        if (!packets.isEmpty()) {
          if (page.endsInsidePacket()) {
            throw new IOException("the comment header's last page runs on into the next packet");
          }
          CommentPacket comment = CommentPacket.parse(kind, packets.get(0));
          boolean last = (page.flags() & OggPage.FLAG_LAST) != 0;
          return new OggCommentHeader(
              kind,
              comment,
              serial,
              start,
              counting.count,
              pages,
              firstSequence,
              page.granule(),
              last,
              List.copyOf(packets.subList(1, packets.size())));
        }
        page = OggPage.read(in);
        if (page == null) {
          throw new IOException("the file ends inside its comment header");
        }
      }
    }
  }

  /**
   * Writes {@code source} (the file this header was read from) to {@code target} with {@code replacement} as its
   * comment header.
   */
  void rewrite(Path source, CommentPacket replacement, Path target) throws IOException {
    List<OggPage> pages = paginate(replacement.toBytes());
    int shift = pages.size() - regionPages;
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
        OutputStream out =
            new BufferedOutputStream(
                Files.newOutputStream(
                    target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING),
                1 << 16)) {
      copy(
          Channels.newInputStream(in.position(0)),
          out,
          regionStart); // not closed: that would close the channel
      for (OggPage p : pages) {
        p.writeTo(out);
      }
      in.position(regionEnd);
      DataInputStream rest =
          new DataInputStream(new BufferedInputStream(Channels.newInputStream(in), 1 << 16));
      boolean ended = lastPageOfStream;
      for (OggPage p = OggPage.read(rest); p != null; p = OggPage.read(rest)) {
        if (p.serial() == serial && !ended) {
          ended = (p.flags() & OggPage.FLAG_LAST) != 0;
          if (shift != 0) {
            p = p.renumbered(p.sequence() + shift);
          }
        }
        p.writeTo(out);
      }
    }
  }

  /**
   * Checks every page of {@code file}: a valid checksum, and sequence numbers that go up by one in each stream. A
   * file that fails is not rewritten (it is damaged, and players may be relying on what is left of it).
   */
  static void checkPages(Path file) throws IOException {
    Map<Integer, Integer> next = new HashMap<>();
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      int number = 0;
      for (OggPage p = OggPage.read(in); p != null; p = OggPage.read(in)) {
        if (!p.crcValid()) {
          throw new IOException("Ogg page " + number + " has a wrong checksum");
        }
        if ((p.flags() & OggPage.FLAG_FIRST) != 0) {
          next.put(p.serial(), p.sequence());
        }
        Integer expected = next.get(p.serial());
        if (expected == null || expected != p.sequence()) {
          throw new IOException("Ogg page " + number + " is out of sequence (a page is missing)");
        }
        next.put(p.serial(), p.sequence() + 1);
        number++;
      }
    }
  }

  /** The comment packet and the packets that followed it on its last page, laid out on as few pages as Ogg allows. */
  private List<OggPage> paginate(byte[] commentPacket) {
    List<byte[]> packets = new ArrayList<>();
    packets.add(commentPacket);
    packets.addAll(following);
    List<Integer> segments = new ArrayList<>();
    List<Boolean> ends = new ArrayList<>();
    for (byte[] p : packets) {
      int left = p.length;
      while (left >= 255) {
        segments.add(255);
        ends.add(false);
        left -= 255;
      }
      segments.add(left);
      ends.add(true);
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    packets.forEach(all::writeBytes);
    byte[] data = all.toByteArray();
    List<OggPage> pages = new ArrayList<>();
    int seg = 0;
    int offset = 0;
    boolean continued = false;
    while (seg < segments.size()) {
      int count = Math.min(255, segments.size() - seg);
      byte[] lacing = new byte[count];
      int size = 0;
      boolean anyEnds = false;
      for (int i = 0; i < count; i++) {
        lacing[i] = (byte) (int) segments.get(seg + i);
        size += segments.get(seg + i);
        anyEnds |= ends.get(seg + i);
      }
      seg += count;
      boolean last = seg == segments.size();
      int flags =
          (continued ? OggPage.FLAG_CONTINUED : 0)
              | (last && lastPageOfStream ? OggPage.FLAG_LAST : 0);
      pages.add(
          OggPage.of(
              flags,
              anyEnds ? granule : OggPage.NO_GRANULE,
              serial,
              firstSequence + pages.size(),
              lacing,
              Arrays.copyOfRange(data, offset, offset + size)));
      offset += size;
      continued = !ends.get(seg - 1);
    }
    return pages;
  }

  private static int packetsOn(OggPage page) {
    int n = 0;
    for (byte lace : page.lacing()) {
      if ((lace & 0xFF) < 255) {
        n++;
      }
    }
    return n;
  }

  private static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buf = new byte[1 << 16];
    long left = length;
    while (left > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw new IOException("unexpected end of file");
      }
      out.write(buf, 0, n);
      left -= n;
    }
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    return data.length >= prefix.length
        && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** Counts the bytes read, to know where each page starts. */
  private static final class Counting extends java.io.FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(new BufferedInputStream(in, 1 << 16));
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }
  }
}
