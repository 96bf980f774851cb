package org.musetag.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tests' shared sessions: one per file content, and a borrower's close leaves the session to the others. */
class SharedSessionsTest {
  @TempDir Path dir;

  @Test
  void copiesOfOneFileShareASessionThatOutlivesEachBorrower() throws Exception {
    Path a = WaveformTestModel.copyTo(dir.resolve("a"));
    Path b = WaveformTestModel.copyTo(dir.resolve("b"));
    float[] silence = new float[WaveformTestModel.K * WaveformTestModel.S];
    PatchOutputs first;
    try (PatchModel one = SharedSessions.load(a, DevicePreference.CPU);
        PatchPredictor p = one.newPredictor()) {
      first = p.predictAudio(silence);
    }
    int open = SharedSessions.open();
    try (PatchModel two = SharedSessions.load(b, DevicePreference.CPU);
        PatchPredictor p = two.newPredictor()) {
      // the first borrower closed its handle: the session still answers, and answers the same
      assertThat(p.predictAudio(silence).va()).isEqualTo(first.va());
      assertThat(SharedSessions.open()).as("sessions after a second copy").isEqualTo(open);
    }
  }

  @Test
  void aDifferentFileGetsASessionOfItsOwn() throws Exception {
    try (PatchModel waveform =
            SharedSessions.load(WaveformTestModel.copyTo(dir.resolve("w")), DevicePreference.CPU);
        PatchModel bundled = SharedSessions.bundled(dir.resolve("cache"), DevicePreference.CPU)) {
      assertThat(waveform.id()).isNotEqualTo(bundled.id());
      assertThat(bundled.id()).startsWith(BundledModel.NAME + "@");
    }
  }
}
