package org.musetag.jobs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.musetag.MusetagException;
import org.musetag.audio.AudioDecoder;
import org.musetag.dsp.KeyEstimator;
import org.musetag.dsp.TempoEstimator;
import org.musetag.dsp.TempoKey;
import org.musetag.library.Library;
import org.musetag.library.LibraryScanner;
import org.musetag.library.Track;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;
import org.musetag.tags.AudioHash;

/**
 * Brings the results of the catalogue job (spark/, decision 0017) into a desktop library, so that tagging,
 * playlists, the circumplex and similar songs work without listening again. Reads the job's JSON-lines export
 * ({@code RESULTS/tracks-json/part-*.json.gz}); maps each path from the cluster's view to this machine's with the
 * first matching {@code FROM=TO} prefix; indexes the files like {@code scan}; and stores an analysis only where the
 * file here is the one the cluster heard (same size, and the same audio digest when the job recorded one) and the
 * model is the library's. Everything else is counted by reason, never guessed.
 */
public final class CatalogueImport {
  /** What an import did; {@code skipped} counts rows by reason. */
  public record Report(
      int rows,
      int imported,
      Map<String, Integer> skipped,
      Map<String, Integer> otherModels,
      List<String> problems) {}

  private final Library library;
  private final AudioDecoder decoder;
  private final ExecutorService pool;

  public CatalogueImport(Library library, AudioDecoder decoder, ExecutorService pool) {
    this.library = library;
    this.decoder = decoder;
    this.pool = pool;
  }

  /**
   * Imports {@code results} (the job's output folder) for {@code model}, mapping paths with {@code maps} (each
   * {@code FROM=TO}, tried in order).
   */
  public Report run(Path results, String model, List<String> maps)
      throws MusetagException, IOException {
    List<String> problems = new ArrayList<>();
    List<JsonObject> rows = read(results, problems);
    Map<String, Integer> skipped = new TreeMap<>();
    if (!problems.isEmpty()) {
      skipped.put("not a row the job writes", problems.size());
    }
    Map<String, Integer> others = new TreeMap<>();
    Map<Path, JsonObject> wanted = new LinkedHashMap<>();
    for (JsonObject r : rows) {
      String rowModel = text(r, "model");
      if (!r.has("path")) {
        skipped.merge("not a row the job writes", 1, Integer::sum);
        problems.add(results + ": a row without a path: " + abbreviated(r));
      } else if (r.has("error")) {
        skipped.merge("the job could not hear it", 1, Integer::sum);
      } else if (!model.equals(rowModel)) {
        others.merge(rowModel, 1, Integer::sum);
      } else {
        Path local = local(text(r, "path"), maps);
        if (local == null) {
          skipped.merge("not a path on this machine (add --map FROM=TO)", 1, Integer::sum);
        } else if (!Files.isRegularFile(local)) {
          skipped.merge("no such file here", 1, Integer::sum);
        } else {
          wanted.put(local, r);
        }
      }
    }
    if (!wanted.isEmpty()) {
      new LibraryScanner(library, decoder, pool)
          .scan(new ArrayList<>(wanted.keySet()), (done, total) -> {}, () -> false);
    }
    long now = System.currentTimeMillis();
    List<Map.Entry<Track, Analysis>> toStore = new ArrayList<>();
    for (Map.Entry<Path, JsonObject> e : wanted.entrySet()) {
      Track t = library.tracks().byPath(e.getKey());
      JsonObject r = e.getValue();
      String why = mismatch(t, e.getKey(), r);
      if (why != null) {
        skipped.merge(why, 1, Integer::sum);
      } else {
        try {
          toStore.add(Map.entry(t, analysis(r)));
        } catch (RuntimeException incomplete) { // a field missing or of the wrong type
          skipped.merge("an incomplete row", 1, Integer::sum);
          problems.add(
              e.getKey() + ": its row in " + results + " is incomplete (" + incomplete + ")");
        }
      }
    }
    library.inTransaction(
        () -> {
          for (Map.Entry<Track, Analysis> e : toStore) {
            library.analyses().store(e.getKey(), e.getValue(), now);
          }
        });
    return new Report(rows.size(), toStore.size(), skipped, others, problems);
  }

  private static String mismatch(Track t, Path local, JsonObject r) throws IOException {
    if (t == null || !Track.OK.equals(t.status())) {
      return "cannot be read here";
    }
    if (t.size() != r.get("size").getAsLong()) {
      return "a different file here (size differs)";
    }
    if (r.has("audio_sha256")) {
      String here = AudioHash.of(local).orElse(null);
      if (here != null && !here.equals(text(r, "audio_sha256"))) {
        return "a different file here (its audio differs)";
      }
    }
    return null;
  }

  /** The path a row names, as a file on this machine; null when no map makes it one. */
  static Path local(String path, List<String> maps) {
    URI u = URI.create(path);
    String plain =
        (u.getScheme() == null ? "" : u.getScheme() + ":")
            + (u.getRawAuthority() != null ? "//" + u.getAuthority() : "")
            + u.getPath();
    for (String m : maps) {
      int eq = m.indexOf('=');
      String from = m.substring(0, eq);
      if (plain.startsWith(from)) {
        plain = m.substring(eq + 1) + plain.substring(from.length());
        break;
      }
    }
    if (plain.startsWith("file://")) {
      plain = plain.substring("file://".length());
    } else if (plain.startsWith("file:")) {
      plain = plain.substring("file:".length());
    }
    return plain.startsWith("/") ? Path.of(plain) : null;
  }

  private static Analysis analysis(JsonObject r) {
    List<LabelScore> genres = new ArrayList<>();
    for (JsonElement g : r.getAsJsonArray("genres")) {
      JsonObject o = g.getAsJsonObject();
      genres.add(new LabelScore(o.get("label").getAsString(), o.get("p").getAsDouble()));
    }
    Map<String, Double> quadrants = new LinkedHashMap<>();
    r.getAsJsonObject("quadrants")
        .entrySet()
        .forEach(e -> quadrants.put(e.getKey(), e.getValue().getAsDouble()));
    JsonArray emb = r.getAsJsonArray("embedding");
    float[] embedding = new float[emb.size()];
    for (int i = 0; i < embedding.length; i++) {
      embedding[i] = emb.get(i).getAsFloat();
    }
    TempoEstimator.Tempo tempo =
        r.has("bpm")
            ? new TempoEstimator.Tempo(r.get("bpm").getAsDouble(), number(r, "bpm_confidence"))
            : null;
    KeyEstimator.Key key = null;
    if (r.has("musical_key")) {
      KeyEstimator.Key k = KeyEstimator.Key.parse(text(r, "musical_key"));
      key = new KeyEstimator.Key(k.tonic(), k.minor(), number(r, "key_confidence"));
    }
    return new Analysis(
            genres,
            text(r, "quadrant"),
            quadrants,
            r.get("valence").getAsDouble(),
            r.get("arousal").getAsDouble(),
            r.get("confidence").getAsDouble(),
            embedding,
            text(r, "model"),
            List.of())
        .withTempoKey(new TempoKey(tempo, key, method(r)));
  }

  private static String abbreviated(JsonObject r) {
    String text = r.toString();
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }

  private static double number(JsonObject r, String name) {
    return r.has(name) ? r.get(name).getAsDouble() : 0;
  }

  /** The method that heard the row's tempo and key; 0 (unknown: heard again) for a catalogue from before it. */
  private static int method(JsonObject r) {
    return r.has("tempo_key_method") && !r.get("tempo_key_method").isJsonNull()
        ? r.get("tempo_key_method").getAsInt()
        : 0;
  }

  private static String text(JsonObject r, String name) {
    return r.has(name) && !r.get(name).isJsonNull() ? r.get(name).getAsString() : null;
  }

  /** Every row of the job's JSON export under {@code results}. */
  static List<JsonObject> read(Path results, List<String> problems) throws IOException {
    Path dir = results.resolve("tracks-json");
    if (!Files.isDirectory(dir)) {
      throw new IOException(
          results
              + " holds no catalogue job results (no tracks-json folder; run the job with --out there)");
    }
    List<Path> parts;
    try (Stream<Path> s = Files.walk(dir)) {
      parts =
          s.filter(p -> p.getFileName().toString().startsWith("part-"))
              .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".json.gz"))
              .sorted()
              .toList();
    }
    List<JsonObject> rows = new ArrayList<>();
    for (Path p : parts) {
      try (InputStream raw = Files.newInputStream(p);
          InputStream in = p.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
          BufferedReader r =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        for (int n = 1; (line = r.readLine()) != null; n++) {
          if (line.isBlank()) {
            continue;
          }
          try {
            rows.add(JsonParser.parseString(line).getAsJsonObject());
          } catch (RuntimeException notJson) { // a damaged or foreign file among the parts
            problems.add(
                p + " line " + n + ": not a JSON row, skipped (" + notJson.getMessage() + ")");
          }
        }
      }
    }
    return rows;
  }
}
