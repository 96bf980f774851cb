package org.musetag.tags;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musetag.ProcessOwner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hidden copies a tag write works on, named for the process that owns them
 * ({@code .musetag-<pid>-<process start ms>-<random>.tmp}), so that a copy left behind by a killed process is
 * recognised and removed by the next run that writes in its folder or undoes its batch, while a live process's copy
 * and every file not named exactly so are left alone.
 *
 * <p>Copies from Musetag before this naming ({@code .musetag-<digits>.tmp}) name no owner; they are removed once
 * they are a day old, far longer than any write takes.
 */
public final class TagTemporaries {
  private static final Logger LOG = LoggerFactory.getLogger(TagTemporaries.class);
  static final Pattern OWNED =
      Pattern.compile("\\.musetag-(\\d{1,19})-(\\d{1,19})-[0-9a-f]{16}\\.tmp");
  static final Pattern UNOWNED = Pattern.compile("\\.musetag-\\d{1,20}\\.tmp");
  static final Duration UNOWNED_AGE = Duration.ofDays(1);

  /** Folders already cleaned by this instance, so a batch lists each folder once. */
  private final Set<Path> cleaned = ConcurrentHashMap.newKeySet();

  /** A new empty temporary file in {@code folder}, readable by its owner only; the folder is cleaned first. */
  Path create(Path folder) throws IOException {
    if (cleaned.add(folder)) {
      removeStale(folder);
    }
    return named(folder);
  }

  /**
   * A new empty temporary file in {@code folder} named for this process, readable by its owner only, without
   * cleaning the folder: for a second scratch file while a write's copy is being built (JAudioTagger's re-encoded
   * frames put back), which a kill must leave as recognisable as the copy itself.
   */
  static Path named(Path folder) throws IOException {
    ProcessOwner self = ProcessOwner.current();
    while (true) {
      String name =
          String.format(
              ".musetag-%d-%d-%016x.tmp",
              self.pid(), self.startMs(), ThreadLocalRandom.current().nextLong());
      try {
        Path temp = folder.resolve(name);
        if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
          return Files.createFile(
              temp,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException taken) {
        // another random name
      }
    }
  }

  /**
   * Removes the temporary copies in {@code folder} (not below it) whose owner is gone; returns what it removed.
   * Problems (an unreadable folder, a copy that cannot be deleted) are logged and leave things as they are.
   */
  public static List<Path> removeStale(Path folder) {
    List<Path> removed = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, ".musetag-*.tmp")) {
      for (Path p : entries) {
        if (isStale(p)) {
          try {
            Files.delete(p);
            removed.add(p);
            LOG.info(
                "removed {}, a temporary copy left by a Musetag process that ended before finishing",
                p);
          } catch (IOException e) {
            LOG.warn("could not remove the stale temporary copy {}", p, e);
          }
        }
      }
    } catch (IOException e) {
      LOG.debug("could not look for stale temporary copies in {}", folder, e);
    }
    return removed;
  }

  private static boolean isStale(Path p) throws IOException {
    String name = p.getFileName().toString();
    BasicFileAttributes a =
        Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!a.isRegularFile()) {
      return false;
    }
    Matcher owned = OWNED.matcher(name);
    if (owned.matches()) {
      try {
        return !new ProcessOwner(Long.parseLong(owned.group(1)), Long.parseLong(owned.group(2)))
            .isAlive();
      } catch (NumberFormatException tooLong) {
        return false;
      }
    }
    return UNOWNED.matcher(name).matches()
        && a.lastModifiedTime().toInstant().isBefore(java.time.Instant.now().minus(UNOWNED_AGE));
  }
}
