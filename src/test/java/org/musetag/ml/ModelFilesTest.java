package org.musetag.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled model is unpacked under a name taken from its content, so an upgrade is never served the previous
 * model from the cache: 1.1.0 of musetag-base has exactly the byte size of 1.0.0, and the old size-based name handed
 * an installed app the old network.
 */
class ModelFilesTest {
  @TempDir Path cache;

  private static byte[] resource() throws Exception {
    try (InputStream in = ModelFiles.class.getResourceAsStream("/models/musetag-base.onnx")) {
      return in.readAllBytes();
    }
  }

  @Test
  void theCachedCopyIsNamedByItsContent() throws Exception {
    byte[] bundled = resource();
    Path file = new ModelFiles(cache).bundled("musetag-base");

    assertThat(file.getFileName().toString())
        .isEqualTo("musetag-base-" + ModelFiles.sha256(bundled).substring(0, 16) + ".onnx");
    assertThat(Files.readAllBytes(file)).isEqualTo(bundled);
  }

  @Test
  void anOlderModelOfTheSameSizeInTheCacheIsNotUsed() throws Exception {
    byte[] bundled = resource();
    // What an earlier version left: the old naming (by size) and, for good measure, a same-size
    // file under the new
    // name whose bytes are not the bundled model's (a damaged or foreign copy).
    Files.write(
        cache.resolve("musetag-base-" + bundled.length + ".onnx"), new byte[bundled.length]);
    Path expected =
        cache.resolve("musetag-base-" + ModelFiles.sha256(bundled).substring(0, 16) + ".onnx");
    Files.write(expected, new byte[bundled.length]);

    Path file = new ModelFiles(cache).bundled("musetag-base");

    assertThat(file).isEqualTo(expected);
    assertThat(Files.readAllBytes(file)).isEqualTo(bundled);
  }

  @Test
  void aCopyDamagedAfterItWasCheckedIsNoticedByTheNextLoad() throws Exception {
    byte[] bundled = resource();
    Path file = new ModelFiles(cache).bundled("musetag-base");
    byte[] damaged = bundled.clone();
    damaged[damaged.length / 2] ^= 0x5a;
    Files.write(file, damaged);

    assertThat(new ModelFiles(cache).bundled("musetag-base")).isEqualTo(file);
    assertThat(Files.readAllBytes(file)).isEqualTo(bundled);
  }

  @Test
  void aCopyDeletedAfterItWasCheckedIsWrittenAgain() throws Exception {
    Path file = new ModelFiles(cache).bundled("musetag-base");
    Files.delete(file);

    assertThat(new ModelFiles(cache).bundled("musetag-base")).isEqualTo(file);
    assertThat(Files.readAllBytes(file)).isEqualTo(resource());
  }
}
