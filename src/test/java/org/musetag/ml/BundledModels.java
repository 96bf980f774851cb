package org.musetag.ml;

import java.nio.file.Path;

/** Loads the real bundled model for tests, unpacked into a test's temporary folder. */
final class BundledModels {
  private BundledModels() {}

  static PatchModel base(Path tempDir, DevicePreference preference) throws ModelException {
    return PatchModel.load(new ModelFiles(tempDir).bundled("musetag-base"), preference, 1);
  }
}
