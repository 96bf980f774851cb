package org.musetag.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Musetag keeps its data (library database, model registry, logs, caches): the per-OS application-data folder,
 * never next to the installed program. {@code -Dmusetag.home=DIR} overrides it (tests, portable installs).
 */
public record AppDirectories(Path home) {

  public static AppDirectories forThisUser() {
    return forSystem(
        System.getProperties().entrySet().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    e -> e.getKey().toString(), e -> e.getValue().toString())),
        System.getenv());
  }

  static AppDirectories forSystem(Map<String, String> props, Map<String, String> env) {
    String override = props.get("musetag.home");
    if (override != null && !override.isBlank()) {
      return new AppDirectories(Path.of(override));
    }
    Path userHome = Path.of(props.getOrDefault("user.home", "."));
    String os = props.getOrDefault("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      String appData = env.get("APPDATA");
      return new AppDirectories(
          appData != null
              ? Path.of(appData, "Musetag")
              : userHome.resolve("AppData/Roaming/Musetag"));
    }
    if (os.contains("mac")) {
      return new AppDirectories(userHome.resolve("Library/Application Support/Musetag"));
    }
    String xdg = env.get("XDG_DATA_HOME");
    return new AppDirectories(
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg, "musetag")
            : userHome.resolve(".local/share/musetag"));
  }

  public Path cache() {
    return home.resolve("cache");
  }

  public Path logs() {
    return home.resolve("logs");
  }

  /** The lock that makes the desktop app run once per user, and the inbox of files later starts hand to it. */
  public Path instance() {
    return home.resolve("instance");
  }
}
