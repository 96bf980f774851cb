package org.musetag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Says why a path cannot be opened, in words. {@code Files.exists} answers false for a missing file, a loop of
 * symbolic links, a path too long for the kernel and a name Java could not spell alike, so every one of them used to
 * read "does not exist"; asking the file system ({@code readAttributes}) keeps the reason apart.
 */
public final class PathProblems {
  /** Linux's PATH_MAX and NAME_MAX, in bytes: longer paths or names fail with ENAMETOOLONG. */
  private static final int PATH_MAX = 4096;

  private static final int NAME_MAX = 255;

  private PathProblems() {}

  /** Why {@code file} (links followed) cannot be opened, to follow "path: "; null when it is there. */
  public static String whyNotThere(Path file) {
    try {
      Files.readAttributes(file, BasicFileAttributes.class);
      return null;
    } catch (NoSuchFileException e) {
      String spelling = badSpelling(file);
      return spelling != null ? spelling : "does not exist";
    } catch (AccessDeniedException e) {
      return "cannot be reached (permission denied on a folder of its path)";
    } catch (FileSystemException e) {
      return fromReason(file, e.getReason());
    } catch (IOException e) {
      return "cannot be read (" + e.getMessage() + ")";
    }
  }

  /**
   * Why the name of {@code p} cannot be used to open it again, or null: Java stands U+FFFD in for bytes that are not
   * valid UTF-8, and in a locale that is not UTF-8 it cannot spell non-ASCII names at all.
   */
  public static String badSpelling(Path p) {
    String s = p.toString();
    String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
    boolean utf8 = encoding.equalsIgnoreCase("UTF-8") || encoding.equalsIgnoreCase("UTF8");
    if (!utf8 && !s.chars().allMatch(c -> c < 0x80)) {
      return "its name cannot be spelled in this system's character encoding ("
          + encoding
          + "); start Musetag with a UTF-8 locale, e.g. LANG=C.UTF-8";
    }
    if (s.indexOf('\uFFFD') >= 0) {
      return "its name is not valid UTF-8, so Musetag cannot open it by name (rename it, e.g. with convmv)";
    }
    return null;
  }

  private static String fromReason(Path file, String reason) {
    if (tooLong(file) || (reason != null && reason.contains("File name too long"))) {
      return "its path is too long for the file system";
    }
    if (reason != null && reason.contains("Too many levels of symbolic links")) {
      return "is a loop of symbolic links";
    }
    if (reason != null && reason.contains("Not a directory")) {
      return "does not exist (a part of its path is a file, not a folder)";
    }
    return "cannot be opened (" + reason + ")";
  }

  private static boolean tooLong(Path file) {
    if (file.toString().getBytes(StandardCharsets.UTF_8).length >= PATH_MAX) {
      return true;
    }
    for (Path name : file) {
      if (name.toString().getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
        return true;
      }
    }
    return false;
  }
}
