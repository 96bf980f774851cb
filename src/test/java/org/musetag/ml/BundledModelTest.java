package org.musetag.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.FfmpegAudioDecoder;

/** The model service: metadata without a session, one session however often the model is asked for. */
class BundledModelTest {
  @TempDir Path cache;

  private BundledModel service() {
    return new BundledModel(new ModelFiles(cache), new FfmpegAudioDecoder(), DevicePreference.CPU);
  }

  @Test
  void knowsTheModelsIdAndLabelsWithoutOpeningASession() throws Exception {
    try (BundledModel models = service()) {
      assertThat(models.id()).startsWith("musetag-base@");
      assertThat(models.metadata().genres()).isNotEmpty();
      assertThat(models.metadata().quadrants()).containsExactly("Q1", "Q2", "Q3", "Q4");
      assertThat(models.sessionsOpened()).isZero();
    }
  }

  @Test
  void handsOutOneModelAndOneClassifierUntilClosed() throws Exception {
    try (BundledModel models = service()) {
      PatchModel first = models.model();
      assertThat(models.model()).isSameAs(first);
      assertThat(models.classifier().model()).isSameAs(first);
      assertThat(first.id()).isEqualTo(models.id());
      models.prefer(DevicePreference.CPU);
      assertThat(models.model()).isSameAs(first);
      assertThat(models.sessionsOpened()).isEqualTo(1);

      models.close();
      assertThat(models.model()).isNotSameAs(first);
      assertThat(models.sessionsOpened()).isEqualTo(2);
    }
  }
}
