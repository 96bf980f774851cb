package org.musetag.tags;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tempo and key of a file as mutagen reads them where DJ software keeps them (TBPM/TKEY, BPM/INITIALKEY/KEY,
 * tmpo/initialkey; {@code dj_fields.py}), and written as such a program would write them: an independent reader
 * and writer for the tag tests.
 */
final class DjFields {
  /** What mutagen read: the tempo, the key, and Picard's Vorbis KEY comment (empty in other formats). */
  record Read(List<String> bpm, List<String> key, List<String> keyAlternative) {}

  private DjFields() {}

  static boolean available() {
    try {
      return new ProcessBuilder("/usr/bin/python3", "-c", "import mutagen").start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static Read read(Path file) throws Exception {
    JsonObject o = JsonParser.parseString(run("read", file.toString())).getAsJsonObject();
    return new Read(
        strings(o.getAsJsonArray("bpm")),
        strings(o.getAsJsonArray("key")),
        strings(o.getAsJsonArray("key_alt")));
  }

  /** Writes the tempo and key as DJ software does; a Vorbis file's key goes to {@code vorbisKeyName}. */
  static void write(Path file, String bpm, String key, String vorbisKeyName) throws Exception {
    run("write", file.toString(), bpm, key, vorbisKeyName);
  }

  private static String run(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", script().toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("dj_fields.py " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }

  private static Path script() throws URISyntaxException {
    return Path.of(DjFields.class.getResource("dj_fields.py").toURI());
  }

  private static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>();
    a.forEach(e -> out.add(e.getAsString()));
    return out;
  }
}
