package org.musetag.fuzz;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The outside programs the fuzz test leans on: ffmpeg to make real files, mutagen to read their tags independently. */
final class Tools {

  private Tools() {}

  static boolean available() {
    try {
      run(List.of("ffmpeg", "-version"), null);
      run(List.of("/usr/bin/python3", "-c", "import mutagen"), null);
      return true;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Runs {@code cmd}, feeding it {@code input}; returns its standard output, or throws with its error output. */
  static String run(List<String> cmd, String input) throws IOException, InterruptedException {
    Path err = Files.createTempFile("musetag-fuzz", ".err");
    try {
      Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
      try (var in = p.getOutputStream()) {
        if (input != null) {
          in.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IOException(cmd.get(0) + " failed: " + Files.readString(err));
      }
      return out;
    } finally {
      Files.deleteIfExists(err);
    }
  }

  static Path script(String name) {
    try {
      return Path.of(Tools.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
