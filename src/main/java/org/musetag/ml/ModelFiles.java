package org.musetag.ml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Finds a bundled model file. The models are packaged as class-path resources under {@code /models/} (from the
 * repository's {@code models/} folder); ONNX Runtime needs a file, so a resource is copied once into the cache
 * folder it is given, named by size so a new model version replaces the old copy.
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
        throw new ModelException("the bundled model " + name + " is missing from this installation");
      }
      byte[] bytes = in.readAllBytes();
      Files.createDirectories(cacheDir);
      Path target = cacheDir.resolve(name + "-" + bytes.length + ".onnx");
      if (!Files.exists(target) || Files.size(target) != bytes.length) {
        Path tmp = Files.createTempFile(cacheDir, name, ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return target;
    } catch (IOException e) {
      throw new ModelException("cannot unpack the bundled model " + name + " into " + cacheDir + ": " + e.getMessage(), e);
    }
  }
}
