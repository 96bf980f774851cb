package org.musetag.ml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * One ONNX Runtime session per model file content and device preference for the whole test JVM, lent to every test
 * that hears with the bundled model: opening the 14 MB graph takes ~150 ms, and the suite builds about a hundred
 * services. A test gets a {@link PatchModel#borrowed()} handle, so its try-with-resources or its service's close
 * leaves the session to the next test; the JVM's exit ends it. Keyed by size and CRC-32C of the bytes, so a test's
 * own copy of the bundled file (each test unpacks one into its folder) finds the session of an identical copy, and a
 * different file never does.
 */
public final class SharedSessions {
  private static final Map<String, PatchModel> OPEN = new HashMap<>();

  /** A {@link BundledModel} loader that lends the shared session. */
  public static final BundledModel.Loader LOADER = SharedSessions::load;

  private SharedSessions() {}

  /** The shared session of {@code onnx} on {@code preference}, opened on first use. */
  public static PatchModel load(Path onnx, ModelMetadata meta, DevicePreference preference)
      throws ModelException {
    String key = key(onnx) + "/" + preference;
    synchronized (OPEN) {
      PatchModel model = OPEN.get(key);
      if (model == null) {
        model = PatchModel.load(onnx, meta, preference, 1);
        OPEN.put(key, model);
      }
      return model.borrowed();
    }
  }

  /** The same, reading the file's metadata first. */
  public static PatchModel load(Path onnx, DevicePreference preference) throws ModelException {
    return load(onnx, ModelMetadata.read(onnx), preference);
  }

  /** The bundled model unpacked into {@code cache}, on the shared session. */
  public static PatchModel bundled(Path cache, DevicePreference preference) throws ModelException {
    return load(new ModelFiles(cache).bundled(BundledModel.NAME), preference);
  }

  /** How many sessions are open in this JVM. */
  static int open() {
    synchronized (OPEN) {
      return OPEN.size();
    }
  }

  private static String key(Path onnx) throws ModelException {
    CRC32C crc = new CRC32C();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(onnx)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        crc.update(buffer, 0, n);
      }
      return Files.size(onnx) + ":" + Long.toHexString(crc.getValue());
    } catch (IOException e) {
      throw new ModelException("cannot read " + onnx + ": " + e.getMessage(), e);
    }
  }
}
