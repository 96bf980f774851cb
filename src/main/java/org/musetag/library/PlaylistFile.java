package org.musetag.library;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes M3U8 playlists (UTF-8, absolute paths, {@code #EXTINF} with duration and title) for the command line and the
 * app alike. M3U is line-based, so a playlist holds exactly what it says only if no line break gets in: control
 * characters in titles become spaces, and a track whose path holds one cannot be written at all (it is skipped and
 * named). The file is replaced atomically, only if it is a regular file (never through a link, a FIFO or a device),
 * with the permissions of the file it replaces, or the usual ones for a new file (umask honoured).
 */
public final class PlaylistFile {

  /** One track of a playlist: an absolute path of the library, its duration and the title players show. */
  public record Entry(Path path, double durationSeconds, String title) {}

  /** What was written: how many entries, and "path: reason" for each track left out. */
  public record Written(int entries, List<String> skipped) {}

  private PlaylistFile() {}

  /** Writes {@code entries} to {@code target}; a message naming the file says why when it cannot. */
  public static Written write(Path target, List<Entry> entries) throws LibraryException {
    Path file = target.toAbsolutePath().normalize();
    PosixFileAttributes existing = checkTarget(file);
    StringBuilder text = new StringBuilder("#EXTM3U\n");
    List<String> skipped = new ArrayList<>();
    int written = 0;
    for (Entry e : entries) {
      String path = e.path().toString();
      if (!e.path().isAbsolute() || hasControl(path)) {
        skipped.add(
            printable(path)
                + ": its path holds a line break or control character, which M3U cannot hold");
        continue;
      }
      text.append(
              String.format(
                  Locale.ROOT,
                  "#EXTINF:%d,%s%n",
                  Math.round(e.durationSeconds()),
                  title(e.title())))
          .append(path)
          .append('\n');
      written++;
    }
    replace(file, text.toString(), existing);
    return new Written(written, List.copyOf(skipped));
  }

  /** A title on one line: every control or line-separator character becomes a space. */
  static String title(String t) {
    if (t == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(t.length());
    t.codePoints().forEach(c -> b.appendCodePoint(isControl(c) ? ' ' : c));
    return b.toString().strip();
  }

  private static boolean hasControl(String s) {
    return s.codePoints().anyMatch(PlaylistFile::isControl);
  }

  private static boolean isControl(int c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }

  private static String printable(String s) {
    return s.replace("\n", "\\n").replace("\r", "\\r");
  }

  /** Refuses what must not be replaced; returns the permissions of the regular file there, or null if none. */
  private static PosixFileAttributes checkTarget(Path file) throws LibraryException {
    Path dir = file.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new LibraryException(
          "cannot write the playlist " + file + ": the folder " + dir + " does not exist");
    }
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new LibraryException("cannot write the playlist " + file + ": " + e.getMessage(), e);
    }
    if (a.isDirectory()) {
      throw new LibraryException("cannot write the playlist " + file + ": it is a folder");
    }
    if (a.isSymbolicLink()) {
      throw new LibraryException(
          "cannot write the playlist "
              + file
              + ": it is a symbolic link (give the path of a regular file)");
    }
    if (!a.isRegularFile()) {
      throw new LibraryException(
          "cannot write the playlist "
              + file
              + ": it is not a regular file (a FIFO, socket or device)");
    }
    PosixFileAttributeView posix =
        Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    try {
      return posix == null ? null : posix.readAttributes();
    } catch (IOException e) {
      return null;
    }
  }

  private static void replace(Path file, String text, PosixFileAttributes existing)
      throws LibraryException {
    Path tmp = null;
    try {
      tmp = createTemp(file);
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE);
          Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
        w.write(text);
      }
      if (existing != null) {
        Files.setPosixFilePermissions(tmp, existing.permissions());
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException e) {
      throw new LibraryException("cannot write the playlist " + file + ": " + reason(e), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the write already failed and says so; a leftover hidden .part file is the lesser harm
        }
      }
    }
  }

  /** A new file beside the target, created with the default permissions (0666 less the umask), not 0600. */
  private static Path createTemp(Path file) throws IOException {
    for (int i = 0; ; i++) {
      Path tmp =
          file.resolveSibling(
              "."
                  + file.getFileName()
                  + ".musetag-"
                  + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL)
                  + ".part");
      try {
        Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return tmp;
      } catch (FileAlreadyExistsException e) {
        if (i == 10) {
          throw e;
        }
      }
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage();
  }
}
