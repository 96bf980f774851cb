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

  /** An audio file found by a walk, with the size and mtime the walk already read. */
  public record Found(Path path, long size, long mtimeMs) {}

  /**
   * Audio files under {@code root} (or {@code root} itself if it is one); folders that could not be read are added
   * to {@code problems}. Sorted by path.
   */
  public static List<Found> under(Path root, List<String> problems) throws IOException {
    List<Found> out = new ArrayList<>();
    if (Files.isRegularFile(root)) {
      if (looksLikeAudio(root)) {
        BasicFileAttributes a = Files.readAttributes(root, BasicFileAttributes.class);
        out.add(new Found(root, a.size(), a.lastModifiedTime().toMillis()));
      }
      return out;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && looksLikeAudio(file)) {
          out.add(new Found(file, attrs.size(), attrs.lastModifiedTime().toMillis()));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        problems.add(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        return FileVisitResult.CONTINUE;
      }
    });
    out.sort(java.util.Comparator.comparing(Found::path));
    return out;
  }
}
