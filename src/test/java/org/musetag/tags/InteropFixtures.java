package org.musetag.tags;

import com.google.gson.GsonBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.ml.Quadrant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one file per format (Opus and Apple Lossless M4A included), tagged by Musetag with known values, plus {@code expected.json} listing
 * them, for {@code bench/interop-check.sh} to compare with what FFmpeg, kid3 and mutagen read.
 *
 * <p>Usage: {@code java -cp ... org.musetag.tags.InteropFixtures OUT_DIR}
 */
public final class InteropFixtures {
  private static final Logger LOG = LoggerFactory.getLogger(InteropFixtures.class);

  private InteropFixtures() {}

  /**
   * The values every fixture carries: two genres, the Q1 mood words, numbers, the model id, a head's two labels, a
   * tempo and a key.
   */
  static Map<TagField, List<String>> values() {
    Map<TagField, List<String>> v = new TreeMap<>();
    v.put(TagField.GENRE, List.of("electronic", "rock"));
    v.put(TagField.MOOD, Quadrant.Q1.words());
    v.put(TagField.VALENCE, List.of(TagNumbers.format(0.25)));
    v.put(TagField.AROUSAL, List.of(TagNumbers.format(-0.125)));
    v.put(TagField.MOOD_MODEL, List.of("musetag-base@1.0.0+styles@1"));
    v.put(TagField.user("STYLES"), List.of("Dub", "Roots Reggae"));
    v.put(TagField.BPM, List.of("128"));
    v.put(TagField.KEY, List.of("F#m"));
    return v;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: InteropFixtures OUT_DIR");
    }
    Path out = Files.createDirectories(Path.of(args[0]));
    TagOptions options = TagOptions.defaults();
    TagStore store = new JaudiotaggerTagStore(options);
    Map<String, Object> files = new LinkedHashMap<>();
    for (Encoding enc : Encoding.values()) {
      String name = enc.name().toLowerCase(Locale.ROOT).replace('_', '-');
      files.put(write(store, out, name, enc, Variant.PLAIN), expected());
      if (enc == Encoding.MP3) {
        files.put(write(store, out, "mp3-id3v23", enc, Variant.ID3V23), expected());
      }
      if (enc == Encoding.WAV) {
        files.put(write(store, out, "wav-without-info", enc, Variant.NO_INFO_CHUNK), expected());
      }
    }
    files.put(writeOggFlac(store, out), expected());
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("id3v23Separator", options.id3v23Separator());
    manifest.put("files", files);
    Files.writeString(
        out.resolve("expected.json"),
        new GsonBuilder().setPrettyPrinting().create().toJson(manifest));
    LOG.info("wrote {} tagged files and expected.json to {}", files.size(), out);
  }

  /** How a fixture starts out before Musetag tags it. */
  private enum Variant {
    PLAIN,
    /** An MP3 whose tag an older tagger left at ID3v2.3. */
    ID3V23,
    /** A WAV with no RIFF INFO chunk (FFmpeg reads a WAV's ID3 chunk only when there is none). */
    NO_INFO_CHUNK
  }

  private static String write(TagStore store, Path out, String name, Encoding enc, Variant variant)
      throws Exception {
    Path file = out.resolve(name + "." + enc.extension);
    Files.deleteIfExists(file);
    AudioFixtures.tone(out, name, enc, 440, 1.0);
    if (variant == Variant.ID3V23) {
      TagTestFiles.convertToId3v23(file);
    } else if (variant == Variant.NO_INFO_CHUNK) {
      dropRiffInfo(file);
    }
    store.write(file, values());
    return file.getFileName().toString();
  }

  /** FLAC in Ogg, which AudioFixtures has no encoding for, made with the ffmpeg command. */
  private static String writeOggFlac(TagStore store, Path out) throws Exception {
    Path file = out.resolve("ogg-flac.oga");
    Files.deleteIfExists(file);
    Process p =
        new ProcessBuilder(
                "ffmpeg",
                "-v",
                "error",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:duration=1",
                "-ac",
                "2",
                "-c:a",
                "flac",
                "-f",
                "ogg",
                file.toString())
            .inheritIO()
            .start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("ffmpeg could not write " + file);
    }
    store.write(file, values());
    return file.getFileName().toString();
  }

  /** Rewrites a WAV file with only its "fmt " and "data" chunks. */
  private static void dropRiffInfo(Path wav) throws Exception {
    ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
    ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    int pos = 12;
    while (pos + 8 <= in.limit()) {
      String id = new String(in.array(), pos, 4, StandardCharsets.US_ASCII);
      int size = in.getInt(pos + 4);
      int total = 8 + size + (size & 1);
      if (id.equals("fmt ") || id.equals("data")) {
        chunks.write(in.array(), pos, Math.min(total, in.limit() - pos));
      }
      pos += total;
    }
    ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + chunks.size());
    header.put("WAVE".getBytes(StandardCharsets.US_ASCII));
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(header.array());
    chunks.writeTo(file);
    Files.write(wav, file.toByteArray());
  }

  private static Map<String, List<String>> expected() {
    Map<String, List<String>> e = new LinkedHashMap<>();
    values()
        .forEach(
            (field, v) ->
                e.put(
                    (field.isUser() ? field.userName() : field.name())
                        .toLowerCase(Locale.ROOT)
                        .replace("_", ""),
                    v));
    return e;
  }
}
