package org.musetag.library;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Finds audio files under a folder by extension, without following links, skipping what cannot be listed. */
public final class AudioFiles {
  static final Set<String> EXTENSIONS = Set.of(
      "mp3", "flac", "ogg", "oga", "opus", "m4a", "m4b", "mp4", "aac", "wav", "aif", "aiff", "aifc", "wma", "ape",
      "wv", "mpc", "mka", "dsf");

  private AudioFiles() {}

  public static boolean looksLikeAudio(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** Audio files under {@code root} (or {@code root} itself if it is one), and folders that could not be read. */
  public static List<Path> under(Path root, List<String> problems) throws IOException {
    List<Path> out = new ArrayList<>();
    if (Files.isRegularFile(root)) {
      if (looksLikeAudio(root)) {
        out.add(root);
      }
      return out;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && looksLikeAudio(file)) {
          out.add(file);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        problems.add(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        return FileVisitResult.CONTINUE;
      }
    });
    out.sort(null);
    return out;
  }
}
