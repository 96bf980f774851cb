package org.musetag.ml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a bundled model file. The models are packaged as class-path resources under {@code /models/} (from the
 * repository's {@code models/} folder); ONNX Runtime needs a file, so a resource is copied once into the cache
 * folder it is given, named by its content's SHA-256: a new model is a new file even when it has the same size as
 * the old one (a retrained network of the same shape does), and a damaged copy is noticed and written again.
 *
 * <p>Each thing is computed once per process: the resource's digest (its content cannot change while the process
 * runs), and the check of a cached copy, which is hashed again only when its size or modification time has
 * changed since it was last found whole. Hashing the 14 MB model twice took 40 ms a load with a warm JIT and
 * 200 ms before it was warm.
 */
public final class ModelFiles {
  private static final Map<String, String> RESOURCE_DIGESTS = new ConcurrentHashMap<>();
  private static final Map<Path, Stamp> WHOLE_COPIES = new ConcurrentHashMap<>();

  private final Path cacheDir;

  /** What a cached copy looked like when its content was last found to be the bundled model's. */
  private record Stamp(long size, FileTime modified) {
    static Stamp of(Path file) throws IOException {
      return new Stamp(Files.size(file), Files.getLastModifiedTime(file));
    }
  }

  public ModelFiles(Path cacheDir) {
    this.cacheDir = cacheDir;
  }

  /** The bundled ONNX file {@code name}.onnx as a file on disk. */
  public Path bundled(String name) throws ModelException {
    String resource = "/models/" + name + ".onnx";
    try {
      byte[] bytes = null;
      String digest = RESOURCE_DIGESTS.get(resource);
      if (digest == null) {
        bytes = read(resource, name);
        digest = sha256(bytes);
        RESOURCE_DIGESTS.put(resource, digest);
      }
      Files.createDirectories(cacheDir);
      Path target =
          cacheDir.resolve(name + "-" + digest.substring(0, 16) + ".onnx").toAbsolutePath();
      if (!isWhole(target, digest)) {
        if (bytes == null) {
          bytes = read(resource, name);
        }
        Path tmp = Files.createTempFile(cacheDir, name, ".part");
        Files.write(tmp, bytes);
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        WHOLE_COPIES.put(target, Stamp.of(target));
      }
      return target;
    } catch (IOException e) {
      throw new ModelException(
          "cannot unpack the bundled model " + name + " into " + cacheDir + ": " + e.getMessage(),
          e);
    }
  }

  private static byte[] read(String resource, String name) throws IOException, ModelException {
    try (InputStream in = ModelFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ModelException(
            "the bundled model " + name + " is missing from this installation");
      }
      return in.readAllBytes();
    }
  }

  /** Whether {@code target} holds the bundled model: known from an earlier check if it has not changed since. */
  private static boolean isWhole(Path target, String digest) throws IOException {
    if (!Files.exists(target)) {
      return false;
    }
    Stamp now = Stamp.of(target);
    if (now.equals(WHOLE_COPIES.get(target))) {
      return true;
    }
    boolean whole = sha256(Files.readAllBytes(target)).equals(digest);
    if (whole) {
      WHOLE_COPIES.put(target, now);
    }
    return whole;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
