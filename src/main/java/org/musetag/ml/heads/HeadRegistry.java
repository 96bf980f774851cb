package org.musetag.ml.heads;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's trained heads in the app-data folder: {@code ROOT/NAME/VERSION/} holds {@code head.onnx},
 * {@code card.json} and {@code card.md}; {@code ROOT/NAME/state.json} says which version is active and which were
 * before ({@link RegistryState}). A new version is written into a hidden staging folder and moved into place in one
 * rename, so a failure at any point leaves no half-made version; changes hold a file lock, so two Musetags (the app
 * and a terminal) do not interleave them.
 */
public final class HeadRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(HeadRegistry.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final String STAGING = ".staging-";

  /** A JVM may hold a file lock only once; registries on the same folder in one JVM queue here first. */
  private static final Object JVM_LOCK = new Object();

  /** One stored version of a head. */
  public record Version(String name, int version, Path dir, HeadCard card, boolean active) {
    public Path onnx() {
      return dir.resolve(HeadCard.ONNX);
    }
  }

  /** Writes a new version's files into {@code dir}; any exception means the version is not registered. */
  @FunctionalInterface
  public interface Writer {
    void write(Path dir, int version) throws Exception;
  }

  private final Path root;

  public HeadRegistry(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** Refuses names that would not make a plain folder name: letters, digits, '-' and '_', at most 64. */
  public static void checkName(String name) throws HeadException {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new HeadException(
          "'"
              + name
              + "' cannot name a head: use letters, digits, '-' and '_' (at most 64),"
              + " starting with a letter or digit");
    }
  }

  /** Every version of every head, by name then version. */
  public List<Version> list() throws HeadException {
    List<Version> out = new ArrayList<>();
    for (String name : names()) {
      out.addAll(versions(name));
    }
    return out;
  }

  /** The versions of one head, oldest first; empty when there is no such head. */
  public List<Version> versions(String name) throws HeadException {
    checkName(name);
    Path dir = root.resolve(name);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    int active = RegistryState.read(dir).active();
    List<Version> out = new ArrayList<>();
    for (int v : numbers(dir)) {
      try {
        out.add(
            new Version(
                name,
                v,
                dir.resolve(String.valueOf(v)),
                HeadCard.read(dir.resolve(String.valueOf(v))),
                v == active));
      } catch (HeadException e) {
        LOG.warn("skipping a damaged head version: {}", e.getMessage());
      }
    }
    return out;
  }

  /** The active version of each head that has one. */
  public List<Version> active() throws HeadException {
    return list().stream().filter(Version::active).toList();
  }

  /** Registers a new version of {@code name} (the next number), written by {@code writer}; not activated. */
  public Version install(String name, Writer writer) throws HeadException {
    checkName(name);
    return locked(
        () -> {
          removeStaleStaging();
          Path dir = root.resolve(name);
          int version = numbers(dir).stream().max(Integer::compare).orElse(0) + 1;
          Path staging = Files.createTempDirectory(root, STAGING);
          try {
            writer.write(staging, version);
            HeadCard.read(staging);
            Files.createDirectories(dir);
            Files.move(
                staging, dir.resolve(String.valueOf(version)), StandardCopyOption.ATOMIC_MOVE);
          } catch (HeadException e) {
            throw e;
          } catch (Exception e) {
            throw new HeadException(
                "the head " + name + " could not be saved: " + e.getMessage(), e);
          } finally {
            deleteTree(staging);
          }
          return versions(name).stream()
              .filter(v -> v.version() == version)
              .findFirst()
              .orElseThrow();
        });
  }

  /** Makes {@code version} the active one; the previously active version is remembered for {@link #rollback}. */
  public void activate(String name, int version) throws HeadException {
    checkName(name);
    locked(
        () -> {
          Path dir = root.resolve(name);
          if (!numbers(dir).contains(version)) {
            throw new HeadException(
                "there is no version " + version + " of the head " + name + existing(name));
          }
          RegistryState.read(dir).activate(version).write(dir);
          return null;
        });
  }

  /**
   * Goes back to the version that was active before the last activation (possibly none: the bundled model alone).
   *
   * @return the version now active, or empty for none
   */
  public Optional<Integer> rollback(String name) throws HeadException {
    checkName(name);
    return locked(
        () -> {
          Path dir = root.resolve(name);
          RegistryState state = RegistryState.read(dir);
          if (!Files.isDirectory(dir) || state.history().isEmpty()) {
            throw new HeadException(
                "the head " + name + " has no earlier activation to roll back to" + existing(name));
          }
          RegistryState back = state.rollback();
          back.write(dir);
          return back.active() == 0 ? Optional.empty() : Optional.of(back.active());
        });
  }

  /** Deletes one version; the active version cannot be deleted (activate another or roll back first). */
  public void delete(String name, int version) throws HeadException {
    checkName(name);
    locked(
        () -> {
          Path dir = root.resolve(name);
          if (!numbers(dir).contains(version)) {
            throw new HeadException(
                "there is no version " + version + " of the head " + name + existing(name));
          }
          RegistryState state = RegistryState.read(dir);
          if (state.active() == version) {
            throw new HeadException(
                name
                    + " version "
                    + version
                    + " is active; roll back or activate another version"
                    + " before deleting it");
          }
          Path trash = Files.createTempDirectory(root, STAGING);
          Files.move(
              dir.resolve(String.valueOf(version)),
              trash.resolve("v"),
              StandardCopyOption.ATOMIC_MOVE);
          state.forget(version).write(dir);
          deleteTree(trash);
          if (numbers(dir).isEmpty() && state.active() == 0) {
            deleteTree(dir);
          }
          return null;
        });
  }

  private String existing(String name) throws HeadException {
    List<Integer> v = versions(name).stream().map(Version::version).toList();
    return v.isEmpty() ? " (no such head)" : " (versions: " + v + ")";
  }

  private List<String> names() throws HeadException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> NAME.matcher(n).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new HeadException("cannot list the heads in " + root + ": " + e.getMessage(), e);
    }
  }

  private static List<Integer> numbers(Path headDir) throws HeadException {
    List<Integer> out = new ArrayList<>();
    if (!Files.isDirectory(headDir)) {
      return out;
    }
    try (DirectoryStream<Path> s =
        Files.newDirectoryStream(
            headDir, p -> p.getFileName().toString().matches("[1-9][0-9]{0,8}"))) {
      s.forEach(p -> out.add(Integer.parseInt(p.getFileName().toString())));
    } catch (IOException e) {
      throw new HeadException("cannot list " + headDir + ": " + e.getMessage(), e);
    }
    out.sort(null);
    return out;
  }

  private interface Locked<T> {
    T run() throws Exception;
  }

  /** Runs {@code work} holding the registry's lock (this JVM and others). */
  private <T> T locked(Locked<T> work) throws HeadException {
    synchronized (JVM_LOCK) {
      return lockedFile(work);
    }
  }

  private <T> T lockedFile(Locked<T> work) throws HeadException {
    try {
      Files.createDirectories(root);
      try (FileChannel ch =
              FileChannel.open(
                  root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = ch.lock()) {
        return work.run();
      }
    } catch (HeadException e) {
      throw e;
    } catch (Exception e) {
      throw new HeadException(
          "the model registry " + root + " could not be changed: " + e.getMessage(), e);
    }
  }

  /** Staging folders left by a Musetag that was killed while saving (none is in use while the lock is held). */
  private void removeStaleStaging() throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(root, STAGING + "*")) {
      for (Path p : s) {
        deleteTree(p);
      }
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("could not remove {}: {}", dir, e.getMessage());
    }
  }
}
