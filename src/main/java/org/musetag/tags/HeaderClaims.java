package org.musetag.tags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Checks every size a file's container claims for what a tag reader loads into memory (chunks, boxes, metadata
 * blocks, the ID3v2 tag, Vorbis comment fields) against the bytes that are really there, before JAudioTagger sees
 * the file. JAudioTagger 3.0.1 trusts these claims: a WAV {@code id3 } chunk claiming 2 GB in a 16 KB file made it
 * fill a 2 GB buffer with padding on write and die with OutOfMemoryError, taking the whole batch with it.
 *
 * <p>The one claim allowed to run past the end is the audio's own ({@code data}, {@code SSND}, {@code mdat}) when
 * nothing could follow it: that is a truncated recording, which tag readers skip rather than load, and the audio
 * check of a write still catches a writer that gets it wrong.
 */
final class HeaderClaims {
  private static final Set<String> AUDIO_CHUNKS = Set.of("data", "SSND", "mdat");

  private final Path file;
  private final FileChannel ch;
  private final long size;

  private HeaderClaims(Path file, FileChannel ch) throws IOException {
    this.file = file;
    this.ch = ch;
    this.size = ch.size();
  }

  /** Throws a {@link TagException} naming the first claim the file cannot hold. */
  static void check(Path file, TagFormat format) throws IOException, TagException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      HeaderClaims claims = new HeaderClaims(file, ch);
      switch (format) {
        case MP3 -> claims.id3v2Tags();
        case FLAC -> claims.flac(claims.id3v2Tags());
        case WAV -> claims.iff(ByteOrder.LITTLE_ENDIAN);
        case AIFF -> claims.iff(ByteOrder.BIG_ENDIAN);
        case MP4 -> new Mp4Claims(claims).boxes();
        case OGG_VORBIS, OPUS -> OggClaims.check(claims, file);
        default -> {}
      }
    }
  }

  Path file() {
    return file;
  }

  long size() {
    return size;
  }

  FileChannel channel() {
    return ch;
  }

  /** The refusal: "its 'id3 ' chunk claims 2147483632 bytes but the file holds only 16096". */
  TagException claim(String what, long claimed, String where, long holds) {
    return new TagException(
        file,
        "cannot read tags: its "
            + what
            + " claims "
            + claimed
            + " bytes but "
            + where
            + " holds only "
            + holds);
  }

  TagException claim(String what, long claimed) {
    return claim(what, claimed, "the file", size);
  }

  /** The ID3v2 tags at the start of the file; returns where they end. */
  private long id3v2Tags() throws IOException, TagException {
    long pos = 0;
    while (pos + 10 <= size && ascii(pos, 3).equals("ID3")) {
      long end = id3v2Tag(pos, size, "the file", size);
      pos = end;
    }
    return pos;
  }

  /** One ID3v2 tag at {@code pos}, which must end by {@code limit}; returns where it ends. */
  private long id3v2Tag(long pos, long limit, String where, long holds)
      throws IOException, TagException {
    ByteBuffer h = read(pos, 10);
    long length =
        10L
            + ((h.get(6) & 0x7F) << 21
                | (h.get(7) & 0x7F) << 14
                | (h.get(8) & 0x7F) << 7
                | (h.get(9) & 0x7F))
            + ((h.get(5) & 0x10) != 0 ? 10 : 0);
    if (pos + length > limit) {
      throw claim("ID3v2 tag", length, where, holds);
    }
    return pos + length;
  }

  /** WAV (RIFF) and AIFF (FORM): every chunk, the ID3v2 tag inside a tag chunk, and the parts of a LIST chunk. */
  private void iff(ByteOrder order) throws IOException, TagException {
    long pos = 12;
    while (pos + 8 <= size) {
      ByteBuffer h = read(pos, 8).order(order);
      String id = new String(h.array(), 0, 4, StandardCharsets.ISO_8859_1);
      long length = Integer.toUnsignedLong(h.getInt(4));
      long end = pos + 8 + length;
      if (end > size) {
        if (AUDIO_CHUNKS.contains(id)) {
          return;
        }
        throw claim("'" + id + "' chunk", length);
      }
      if (id.equalsIgnoreCase("id3 ") && length >= 10 && ascii(pos + 8, 3).equals("ID3")) {
        id3v2Tag(pos + 8, end, "its '" + id + "' chunk", length);
      } else if (id.equals("LIST") && length >= 4) {
        listParts(pos + 12, end, order, length);
      }
      pos = end + (length & 1);
    }
  }

  private void listParts(long from, long end, ByteOrder order, long listLength)
      throws IOException, TagException {
    long pos = from;
    while (pos + 8 <= end) {
      ByteBuffer h = read(pos, 8).order(order);
      long length = Integer.toUnsignedLong(h.getInt(4));
      if (pos + 8 + length > end) {
        String id = new String(h.array(), 0, 4, StandardCharsets.ISO_8859_1);
        throw claim("'" + id + "' entry", length, "its 'LIST' chunk", listLength);
      }
      pos += 8 + length + (length & 1);
    }
  }

  /** FLAC: every metadata block, and the length fields inside the comment and picture blocks. */
  private void flac(long start) throws IOException, TagException {
    if (!ascii(start, 4).equals("fLaC")) {
      return; // not FLAC at all: JAudioTagger says so in its own words
    }
    long pos = start + 4;
    boolean last = false;
    while (!last && pos + 4 <= size) {
      int head = read(pos, 4).getInt();
      last = (head & 0x8000_0000) != 0;
      int type = (head >>> 24) & 0x7F;
      int length = head & 0xFF_FFFF;
      String name =
          switch (type) {
            case 4 -> "comment block";
            case 6 -> "picture block";
            default -> "metadata block " + type;
          };
      if (pos + 4 + length > size) {
        throw claim(name, length);
      }
      if (type == 4) {
        vorbisComment(read(pos + 4, length).order(ByteOrder.LITTLE_ENDIAN), "its comment block");
      } else if (type == 6) {
        picture(read(pos + 4, length));
      }
      pos += 4 + length;
    }
  }

  /** The vendor string and each comment of a Vorbis comment (little-endian lengths), from {@code b}'s position. */
  void vorbisComment(ByteBuffer b, String where) throws TagException {
    int total = b.remaining();
    field(b, "vendor string", where, total);
    if (b.remaining() < 4) {
      return;
    }
    long count = Integer.toUnsignedLong(b.getInt());
    for (long i = 0; i < count && b.remaining() >= 4; i++) {
      field(b, "comment " + (i + 1), where, total);
    }
  }

  /** The MIME type, description and picture data lengths (big-endian) of a FLAC picture block. */
  private void picture(ByteBuffer b) throws TagException {
    int total = b.remaining();
    if (b.remaining() < 8) {
      return;
    }
    b.getInt(); // picture type
    field(b, "picture's MIME type", "its picture block", total);
    if (b.remaining() < 4) {
      return;
    }
    field(b, "picture's description", "its picture block", total);
    if (b.remaining() < 20) {
      return;
    }
    b.position(b.position() + 16); // width, height, depth, colours
    field(b, "picture data", "its picture block", total);
  }

  /** A length-prefixed field of {@code b}, skipped; its length must fit in what is left. */
  private void field(ByteBuffer b, String what, String where, int total) throws TagException {
    if (b.remaining() < 4) {
      return;
    }
    long length = Integer.toUnsignedLong(b.getInt());
    if (length > b.remaining()) {
      throw claim(what, length, where, total);
    }
    b.position(b.position() + (int) length);
  }

  ByteBuffer read(long pos, int length) throws IOException {
    return Mp4Boxes.read(ch, pos, length);
  }

  String ascii(long pos, int n) throws IOException {
    if (pos + n > size) {
      return "";
    }
    return new String(read(pos, n).array(), StandardCharsets.ISO_8859_1);
  }
}
