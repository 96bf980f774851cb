package org.musetag.fuzz;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file's tags as mutagen reads them (tag_snapshot.py): the items Musetag must never change, in file order, and the
 * ones it manages. An independent reader, so a write that the tag library and Musetag both misread is still caught.
 */
record TagSnapshot(
    String error, String kind, boolean hasTag, List<String> other, List<String> managed) {

  static Map<Path, TagSnapshot> of(List<Path> files) throws IOException, InterruptedException {
    // the list goes in a file: written to the reader's standard input, a long list fills the pipe
    // while the
    // reader is blocked on its full output pipe, and both wait for ever
    Path list = java.nio.file.Files.createTempFile("musetag-fuzz", ".txt");
    String out;
    try {
      java.nio.file.Files.write(list, files.stream().map(Path::toString).toList());
      out =
          Tools.run(
              List.of(
                  "/usr/bin/python3", Tools.script("tag_snapshot.py").toString(), list.toString()),
              null);
    } finally {
      java.nio.file.Files.deleteIfExists(list);
    }
    Map<Path, TagSnapshot> snapshots = new HashMap<>();
    out.lines()
        .forEach(
            line -> {
              JsonObject o = JsonParser.parseString(line).getAsJsonObject();
              Path path = Path.of(o.get("path").getAsString());
              if (o.has("error")) {
                snapshots.put(
                    path,
                    new TagSnapshot(o.get("error").getAsString(), "", false, List.of(), List.of()));
              } else {
                snapshots.put(
                    path,
                    new TagSnapshot(
                        null,
                        o.get("kind").getAsString(),
                        o.get("has_tag").getAsBoolean(),
                        strings(o.getAsJsonArray("other")),
                        strings(o.getAsJsonArray("managed"))));
              }
            });
    return snapshots;
  }

  /**
   * Whether the other items are the same: in the same order for Vorbis comments (the order of a field's comments is
   * the order of its values), as a set for ID3v2 frames and MP4 items, which are keyed by name (each holding its
   * values in order) and which taggers, mutagen too, reorder freely.
   */
  boolean sameOther(TagSnapshot o) {
    if (kind.equals("MP3") || kind.equals("WAVE") || kind.equals("AIFF") || kind.equals("MP4")) {
      return new java.util.TreeSet<>(other).equals(new java.util.TreeSet<>(o.other))
          && other.size() == o.other.size();
    }
    return other.equals(o.other);
  }

  boolean readable() {
    return error == null;
  }

  private static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>();
    a.forEach(e -> out.add(e.getAsString()));
    return out;
  }
}
