package org.musetag.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class MelImageRendererTest {

  private static final MelParameters P = MelParameters.MODEL;
  private final MelImageRenderer renderer = new MelImageRenderer();

  /** One second: a 300 Hz tone for the first half, digital silence for the second. */
  private static float[][] toneThenSilence() {
    float[] pcm = MelSpectrogramTest.tone(300, 0.5, P.sampleRate());
    java.util.Arrays.fill(pcm, P.sampleRate() / 2, pcm.length, 0f);
    return MelSpectrogram.compute(pcm, P);
  }

  @Test
  void runsHeadless() {
    assertThat(java.awt.GraphicsEnvironment.isHeadless()).isTrue();
  }

  @Test
  void pngDecodesToTheExpectedSize() throws Exception {
    float[][] mel = toneThenSilence();

    byte[] png = renderer.toPng(mel, P);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(renderer.imageWidth(mel.length));
    assertThat(image.getHeight()).isEqualTo(renderer.imageHeight(64));
    Rectangle plot = renderer.plotArea(mel.length, 64);
    assertThat(plot.width).isEqualTo(mel.length);
    assertThat(plot.height).isEqualTo(64 * 3);
    assertThat(image.getWidth()).isGreaterThan(plot.x + plot.width);
  }

  @Test
  void toneRowIsBrighterThanSilenceAndLowFrequenciesAreAtTheBottom() {
    float[][] mel = toneThenSilence();
    BufferedImage image = renderer.render(mel, P);
    Rectangle plot = renderer.plotArea(mel.length, 64);
    int toneColumn = plot.x + 5;
    int silentColumn = plot.x + mel.length - 5;

    int brightestRow = plot.y;
    for (int y = plot.y; y < plot.y + plot.height; y++) {
      if (luminance(image, toneColumn, y) > luminance(image, toneColumn, brightestRow)) {
        brightestRow = y;
      }
    }

    assertThat(luminance(image, toneColumn, brightestRow))
        .isGreaterThan(luminance(image, silentColumn, brightestRow) + 0.3);
    assertThat(brightestRow - plot.y)
        .as("300 Hz lies in the lower quarter of the plot")
        .isGreaterThan(plot.height * 3 / 4);
    assertThat(image.getRGB(silentColumn, brightestRow)).isEqualTo(MelImageRenderer.colour(0.0));
  }

  @Test
  void colourBarRunsFromDarkAtTheBottomToBrightAtTheTop() {
    float[][] mel = toneThenSilence();
    BufferedImage image = renderer.render(mel, P);
    Rectangle plot = renderer.plotArea(mel.length, 64);
    int barX = plot.x + plot.width + 18;

    assertThat(luminance(image, barX, plot.y + 1))
        .isGreaterThan(luminance(image, barX, plot.y + plot.height - 2));
  }

  @Test
  void colourForTheLiveViewIsTheViridisMap() {
    assertThat(MelImageRenderer.colour(0.25)).isEqualTo(ViridisColorMap.argb(0.25));
    assertThat(MelImageRenderer.formatHz(440.4)).isEqualTo("440 Hz");
    assertThat(MelImageRenderer.formatHz(2500)).isEqualTo("2.5 kHz");
  }

  @Test
  void emptySpectrogramStillRendersAxes() {
    BufferedImage image = renderer.render(new float[0][], P);

    assertThat(image.getWidth()).isEqualTo(renderer.imageWidth(0));
  }

  private static double luminance(BufferedImage image, int x, int y) {
    return ViridisColorMapTest.luminance(image.getRGB(x, y));
  }
}
