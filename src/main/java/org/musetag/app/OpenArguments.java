package org.musetag.app;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells a desktop start from a command: no arguments, or only existing files and folders (as a file manager passes
 * them for "Open with Musetag", plain paths or {@code file:} URIs), open the app; anything else is the command line.
 */
public final class OpenArguments {
  private OpenArguments() {}

  /** The files and folders to open in the app, or empty when the arguments are a command for the command line. */
  public static Optional<List<Path>> filesToOpen(String... args) {
    List<Path> files = new ArrayList<>();
    for (String arg : args) {
      Optional<Path> path = existing(arg);
      if (path.isEmpty()) {
        return Optional.empty();
      }
      files.add(path.get());
    }
    return Optional.of(List.copyOf(files));
  }

  private static Optional<Path> existing(String arg) {
    if (arg.isBlank() || arg.startsWith("-")) {
      return Optional.empty();
    }
    try {
      Path path = arg.startsWith("file:") ? Path.of(URI.create(arg)) : Path.of(arg);
      return Files.exists(path) ? Optional.of(path.toAbsolutePath().normalize()) : Optional.empty();
    } catch (IllegalArgumentException notAPath) { // also InvalidPathException
      return Optional.empty();
    }
  }
}
