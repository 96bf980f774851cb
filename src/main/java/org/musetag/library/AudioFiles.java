package org.musetag.library;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.musetag.PathProblems;

/** Finds audio files under a folder by extension, following links, naming what cannot be listed or opened. */
public final class AudioFiles {
  static final Set<String> EXTENSIONS =
      Set.of(
          "mp3", "flac", "ogg", "oga", "opus", "m4a", "m4b", "mp4", "aac", "wav", "aif", "aiff",
          "aifc", "wma", "ape", "wv", "mpc", "mka", "dsf");

  private AudioFiles() {}

  public static boolean looksLikeAudio(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** An audio file found by a walk, with the size and mtime the walk already read. */
  public record Found(Path path, long size, long mtimeMs) {}

  /**
   * Audio files under {@code root} (or {@code root} itself if it is one), symbolic links followed; "path: reason" is
   * added to {@code problems} for every folder that could not be read, loop of links (reported once, not followed)
   * and audio file whose link is broken or whose name cannot be opened again. Sorted by path.
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
    Files.walkFileTree(
        root,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!looksLikeAudio(file)) {
              return FileVisitResult.CONTINUE;
            }
            String spelling = PathProblems.badSpelling(file);
            if (spelling != null) {
              problems.add(file + ": " + spelling);
            } else if (attrs.isSymbolicLink()) {
              problems.add(file + ": is a broken symbolic link");
            } else if (attrs.isRegularFile()) {
              out.add(new Found(file, attrs.size(), attrs.lastModifiedTime().toMillis()));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
              problems.add(
                  file
                      + ": is a link back to a folder above it (a loop of symbolic links), not followed");
            } else if (e instanceof AccessDeniedException) {
              problems.add(file + ": cannot be read (permission denied)");
            } else {
              String why = PathProblems.whyNotThere(file);
              problems.add(
                  file + ": " + (why != null ? why : "cannot be read (" + e.getMessage() + ")"));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    out.sort(java.util.Comparator.comparing(Found::path));
    return out;
  }
}
