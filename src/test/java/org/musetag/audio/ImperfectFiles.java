package org.musetag.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * Files that players play but that are not quite right, made from {@link AudioFixtures} files byte by byte: cut
 * short, misnamed, with a header that overstates the length, with damaged tags. Each method says what it changes.
 */
public final class ImperfectFiles {
  private ImperfectFiles() {}

  /** The first half of {@code whole}'s bytes, as {@code name}. */
  public static Path firstHalf(Path whole, String name) throws Exception {
    byte[] bytes = Files.readAllBytes(whole);
    return Files.write(whole.resolveSibling(name), Arrays.copyOf(bytes, bytes.length / 2));
  }

  /** {@code whole} as a download cut at half leaves it: at full size, the second half zero bytes. */
  public static Path zeroFilledAfterHalf(Path whole, String name) throws Exception {
    byte[] bytes = Files.readAllBytes(whole);
    Arrays.fill(bytes, bytes.length / 2, bytes.length, (byte) 0);
    return Files.write(whole.resolveSibling(name), bytes);
  }

  /** A copy of {@code file} under a name ending in {@code .ext}. */
  public static Path namedAs(Path file, String ext) throws Exception {
    String name = file.getFileName().toString();
    return Files.copy(
        file, file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + "-misnamed." + ext));
  }

  /** A copy of a FLAC file whose STREAMINFO total-samples field says twice what its frames hold. */
  public static Path claimingTwiceItsLength(Path flac) throws Exception {
    byte[] b = Files.readAllBytes(flac);
    ByteBuffer field = ByteBuffer.wrap(b);
    long packed = field.getLong(18);
    long mask = (1L << 36) - 1;
    long total = packed & mask;
    field.putLong(18, (packed & ~mask) | (total * 2));
    return Files.write(flac.resolveSibling("claims-twice-" + flac.getFileName()), b);
  }

  /**
   * A copy of an MP3 file whose Xing/Info header claims twice its frames and keeps no byte count, so nothing in
   * the file's header shows the claim is false: only decoding finds where the audio ends.
   */
  public static Path mp3ClaimingTwiceItsLength(Path mp3) throws Exception {
    byte[] b = Files.readAllBytes(mp3);
    String text = new String(b, 0, Math.min(b.length, 8192), StandardCharsets.ISO_8859_1);
    int at = Math.max(text.indexOf("Info"), text.indexOf("Xing"));
    ByteBuffer header = ByteBuffer.wrap(b);
    if (at < 0 || (header.getInt(at + 4) & 1) == 0) {
      throw new IllegalStateException(mp3 + " has no Xing/Info frame count");
    }
    header.putInt(at + 4, 1); // frames only
    header.putInt(at + 8, header.getInt(at + 8) * 2);
    return Files.write(mp3.resolveSibling("claims-twice-" + mp3.getFileName()), b);
  }

  /**
   * A copy of a FLAC file with a PICTURE block inserted after STREAMINFO whose MIME-type length says 2 GB: the
   * picture cannot be read; the audio is untouched.
   */
  public static Path withDamagedPicture(Path flac) throws Exception {
    byte[] b = Files.readAllBytes(flac);
    boolean streamInfoWasLast = (b[4] & 0x80) != 0;
    ByteBuffer body = ByteBuffer.allocate(64);
    body.putInt(3); // front cover
    body.putInt(0x7fffffff); // MIME type length: far more than the block holds
    body.put("image/png".getBytes(StandardCharsets.US_ASCII));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    b[4] = (byte) (b[4] & 0x7f);
    out.write(b, 0, 42); // "fLaC" + STREAMINFO
    int length = body.capacity();
    out.write((streamInfoWasLast ? 0x80 : 0) | 6);
    out.write(new byte[] {(byte) (length >> 16), (byte) (length >> 8), (byte) length});
    out.write(body.array());
    out.write(b, 42, b.length - 42);
    return Files.write(flac.resolveSibling("bad-picture-" + flac.getFileName()), out.toByteArray());
  }

  /**
   * A copy of an MP3 file whose ID3v2 tag is replaced by an ID3v2.3 tag with one title frame in UTF-16 whose
   * byte-order mark is 00 00 (neither FE FF nor FF FE).
   */
  public static Path withBadBomTitle(Path mp3) throws Exception {
    byte[] b = Files.readAllBytes(mp3);
    int old =
        b[0] == 'I' && b[1] == 'D' && b[2] == '3'
            ? 10 + ((b[6] & 0x7f) << 21 | (b[7] & 0x7f) << 14 | (b[8] & 0x7f) << 7 | (b[9] & 0x7f))
            : 0;
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    text.write(1); // UTF-16 with BOM
    text.write(new byte[] {0, 0}); // the damaged BOM
    text.write("Title".getBytes(StandardCharsets.UTF_16LE));
    ByteBuffer frame = ByteBuffer.allocate(10 + text.size());
    frame.put("TIT2".getBytes(StandardCharsets.US_ASCII)).putInt(text.size()).putShort((short) 0);
    frame.put(text.toByteArray());
    int size = frame.capacity() + 64; // with padding
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(
        new byte[] {
          'I',
          'D',
          '3',
          3,
          0,
          0,
          (byte) (size >> 21 & 0x7f),
          (byte) (size >> 14 & 0x7f),
          (byte) (size >> 7 & 0x7f),
          (byte) (size & 0x7f)
        });
    out.write(frame.array());
    out.write(new byte[64]);
    out.write(b, old, b.length - old);
    return Files.write(mp3.resolveSibling("bad-bom-" + mp3.getFileName()), out.toByteArray());
  }

  /** An M4B audiobook (AAC) with its header (moov) first, as downloads are, so that a cut copy still opens. */
  public static Path audiobook(Path dir, String name, double seconds) throws Exception {
    int rate = 44100;
    Path file = dir.resolve(name + ".m4b");
    float[] stereo = new float[(int) Math.round(seconds * rate) * 2];
    for (int i = 0; i < stereo.length; i++) {
      stereo[i] = (float) (0.5 * Math.sin(2 * Math.PI * 330 * (i / 2) / rate));
    }
    try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), 2)) {
      rec.setFormat("ipod");
      rec.setAudioCodecName("aac");
      rec.setSampleRate(rate);
      rec.setAudioChannels(2);
      rec.setAudioBitrate(96_000);
      rec.setOption("movflags", "+faststart");
      rec.start();
      rec.recordSamples(rate, 2, java.nio.FloatBuffer.wrap(stereo));
      rec.stop();
    }
    return file;
  }
}
