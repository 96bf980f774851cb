package org.musetag.ml.heads;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Which version of one head is active, and the versions that were active before it (newest last; 0 means "none",
 * the bundled model alone), so a rollback goes back exactly one activation. Stored as {@code state.json} in the
 * head's folder, replaced atomically.
 */
record RegistryState(int active, List<Integer> history) {
  static final String FILE = "state.json";
  private static final Gson GSON = new Gson();

  static RegistryState empty() {
    return new RegistryState(0, List.of());
  }

  static RegistryState read(Path headDir) throws HeadException {
    Path file = headDir.resolve(FILE);
    if (!Files.exists(file)) {
      return empty();
    }
    try {
      RegistryState s =
          GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), RegistryState.class);
      return s == null
          ? empty()
          : new RegistryState(s.active(), s.history() == null ? List.of() : s.history());
    } catch (IOException | JsonParseException e) {
      throw new HeadException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  void write(Path headDir) throws HeadException {
    Path file = headDir.resolve(FILE);
    try {
      Path tmp = Files.createTempFile(headDir, ".state-", ".part");
      try {
        Files.writeString(tmp, GSON.toJson(this), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new HeadException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  RegistryState activate(int version) {
    if (version == active) {
      return this;
    }
    List<Integer> h = new ArrayList<>(history);
    h.add(active);
    return new RegistryState(version, List.copyOf(h));
  }

  /** The state after going back one activation; this state itself when there is nothing to go back to. */
  RegistryState rollback() {
    if (history.isEmpty()) {
      return this;
    }
    return new RegistryState(
        history.get(history.size() - 1), List.copyOf(history.subList(0, history.size() - 1)));
  }

  RegistryState forget(int version) {
    List<Integer> h = new ArrayList<>(history);
    h.removeIf(v -> v == version);
    // two equal neighbours would make a rollback step that changes nothing
    for (int i = h.size() - 1; i > 0; i--) {
      if (h.get(i).equals(h.get(i - 1))) {
        h.remove(i);
      }
    }
    while (!h.isEmpty() && h.get(h.size() - 1) == active) {
      h.remove(h.size() - 1);
    }
    return new RegistryState(active, List.copyOf(h));
  }
}
