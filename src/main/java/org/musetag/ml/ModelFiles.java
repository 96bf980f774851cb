package org.musetag.ml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Finds a bundled model file. The models are packaged as class-path resources under {@code /models/} (from the
 * repository's {@code models/} folder); ONNX Runtime needs a file, so a resource is copied once into the cache
 * folder it is given, named by its content's SHA-256: a new model is a new file even when it has the same size as
 * the old one (a retrained network of the same shape does), and a damaged copy is noticed and written again.
 */
public final class ModelFiles {
  private final Path cacheDir;

  public ModelFiles(Path cacheDir) {
    this.cacheDir = cacheDir;
  }

  /** The bundled ONNX file {@code name}.onnx as a file on disk. */
  public Path bundled(String name) throws ModelException {
    String resource = "/models/" + name + ".onnx";
    try (InputStream in = ModelFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ModelException(
            "the bundled model " + name + " is missing from this installation");
      }
      byte[] bytes = in.readAllBytes();
      String digest = sha256(bytes);
      Files.createDirectories(cacheDir);
      Path target = cacheDir.resolve(name + "-" + digest.substring(0, 16) + ".onnx");
      if (!Files.exists(target) || !sha256(Files.readAllBytes(target)).equals(digest)) {
        Path tmp = Files.createTempFile(cacheDir, name, ".part");
        Files.write(tmp, bytes);
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return target;
    } catch (IOException e) {
      throw new ModelException(
          "cannot unpack the bundled model " + name + " into " + cacheDir + ": " + e.getMessage(),
          e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
