package org.musetag.tags;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * Opus files for the tag tests, encoded by FFmpeg with the comments they should carry. No tool the tests may use
 * edits an Opus file's comments (JAudioTagger cannot; an FFmpeg remux drops the cover), so a fixture that needs
 * another comment is encoded again with it; the tests compare tags and audio only from that point on. The comments
 * are read back with {@link OggPackets} and the parser here, not with the code under test.
 */
final class OpusFixture {

  private OpusFixture() {}

  /** A one-second mono file of silence with the given comments. */
  static Path write(Path file, Map<String, String> comments) throws Exception {
    return encode(file, 1, new float[48000], comments);
  }

  /** A one-second 440 Hz stereo tone with the user's tags of {@link TagTestFiles#withUserTags}. */
  static Path withUserTags(Path file, byte[] png) throws Exception {
    Map<String, String> comments = new LinkedHashMap<>();
    comments.put("TITLE", "Fixture title é");
    comments.put("ARTIST", "Fixture artist");
    comments.put("ALBUM", "Fixture album");
    comments.put("TRACKNUMBER", "3");
    comments.put("METADATA_BLOCK_PICTURE", Base64.getEncoder().encodeToString(pictureBlock(png)));
    comments.put(TagTestFiles.REPLAYGAIN, "-6.50 dB");
    return tone(file, comments);
  }

  /** Encodes the tone again with the same comments and one more, as another tagger would have added it. */
  static void addComment(Path file, String name, String value) throws Exception {
    Map<String, String> comments = new LinkedHashMap<>();
    for (String c : comments(file)) {
      int eq = c.indexOf('=');
      comments.put(c.substring(0, eq), c.substring(eq + 1));
    }
    comments.put(name, value);
    tone(file, comments);
  }

  /** The comments of the OpusTags header, in file order, as NAME=value strings. */
  static List<String> comments(Path file) throws Exception {
    byte[][] packet = new byte[1][];
    OggPackets.read(
        file,
        (serial, index, data) -> {
          if (index == 1) {
            packet[0] = data;
            return false;
          }
          return true;
        });
    ByteBuffer b = ByteBuffer.wrap(packet[0]).order(ByteOrder.LITTLE_ENDIAN);
    if (!new String(packet[0], 0, 8, StandardCharsets.US_ASCII).equals("OpusTags")) {
      throw new IllegalStateException("no OpusTags");
    }
    b.position(8);
    int vendor = b.getInt();
    b.position(b.position() + vendor);
    int count = b.getInt();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] c = new byte[b.getInt()];
      b.get(c);
      out.add(new String(c, StandardCharsets.UTF_8));
    }
    return out;
  }

  /** The values of the comments named {@code name} (ignoring case). */
  static List<String> values(Path file, String name) throws Exception {
    String prefix = name.toUpperCase(Locale.ROOT) + "=";
    return comments(file).stream()
        .filter(c -> c.toUpperCase(Locale.ROOT).startsWith(prefix))
        .map(c -> c.substring(prefix.length()))
        .toList();
  }

  /** {@link TagTestFiles#userTags} for Opus: the same lines, from the comments. */
  static List<String> userTags(Path file) throws Exception {
    List<String> out = new ArrayList<>();
    for (String[] key :
        new String[][] {
          {"TITLE", "TITLE"}, {"ARTIST", "ARTIST"}, {"ALBUM", "ALBUM"}, {"TRACK", "TRACKNUMBER"}
        }) {
      List<String> v = values(file, key[1]);
      out.add(key[0] + "=" + (v.isEmpty() ? "" : v.get(0)));
    }
    List<String> pictures = values(file, "METADATA_BLOCK_PICTURE");
    out.add(
        "cover="
            + (pictures.isEmpty() ? null : HexFormat.of().formatHex(pictureData(pictures.get(0)))));
    List<String> gain = values(file, TagTestFiles.REPLAYGAIN);
    out.add("replaygain=" + (gain.isEmpty() ? null : gain.get(0)));
    return out;
  }

  private static Path tone(Path file, Map<String, String> comments) throws Exception {
    float[] stereo = new float[2 * 48000];
    for (int i = 0; i < 48000; i++) {
      stereo[2 * i] = stereo[2 * i + 1] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 48000.0));
    }
    Files.deleteIfExists(file);
    return encode(file, 2, stereo, comments);
  }

  private static Path encode(Path file, int channels, float[] samples, Map<String, String> comments)
      throws Exception {
    try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), channels)) {
      rec.setFormat("ogg");
      rec.setAudioCodecName("libopus");
      rec.setSampleRate(48000);
      rec.setAudioChannels(channels);
      rec.setAudioBitrate(96_000);
      rec.setMetadata(comments);
      rec.start();
      rec.recordSamples(48000, channels, FloatBuffer.wrap(samples));
      rec.stop();
    }
    return file;
  }

  /** A FLAC PICTURE block (front cover, PNG), as METADATA_BLOCK_PICTURE holds it base64-encoded. */
  private static byte[] pictureBlock(byte[] png) {
    byte[] mime = "image/png".getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer b = ByteBuffer.allocate(32 + mime.length + png.length);
    b.putInt(3)
        .putInt(mime.length)
        .put(mime)
        .putInt(0)
        .putInt(4)
        .putInt(4)
        .putInt(24)
        .putInt(0)
        .putInt(png.length);
    b.put(png);
    out.writeBytes(b.array());
    return out.toByteArray();
  }

  private static byte[] pictureData(String base64) {
    ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
    b.getInt(); // picture type
    int mime = b.getInt();
    b.position(b.position() + mime);
    int description = b.getInt();
    b.position(b.position() + description + 16); // then width, height, depth, colours
    byte[] data = new byte[b.getInt()];
    b.get(data);
    return data;
  }
}
