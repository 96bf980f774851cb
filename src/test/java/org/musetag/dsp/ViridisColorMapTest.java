package org.musetag.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViridisColorMapTest {

  /** Relative luminance Y in [0, 1] of an sRGB colour (channels linearised first). */
  static double luminance(int rgb) {
    return 0.2126 * linear(rgb >> 16) + 0.7152 * linear(rgb >> 8) + 0.0722 * linear(rgb);
  }

  private static double linear(int channel) {
    double c = (channel & 0xFF) / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  @Test
  void endpointsAreViridisDarkVioletAndYellow() {
    assertThat(ViridisColorMap.argb(0.0)).isEqualTo(0xFF440154);
    assertThat(ViridisColorMap.argb(1.0)).isEqualTo(0xFFFDE725);
    assertThat(ViridisColorMap.argb(128 / 255.0)).as("entry 128 of the 256").isEqualTo(0xFF21918C);
  }

  @Test
  void luminanceIncreasesWithLevel() {
    double previous = -1;
    for (int i = 0; i <= 100; i++) {
      double y = luminance(ViridisColorMap.argb(i / 100.0));
      assertThat(y).as("level %d/100", i).isGreaterThan(previous);
      previous = y;
    }
  }

  @Test
  void clampsOutOfRangeAndNaNLevelsAndIsOpaque() {
    assertThat(ViridisColorMap.argb(-3)).isEqualTo(ViridisColorMap.argb(0));
    assertThat(ViridisColorMap.argb(7)).isEqualTo(ViridisColorMap.argb(1));
    assertThat(ViridisColorMap.argb(Double.NaN)).isEqualTo(ViridisColorMap.argb(0));
    assertThat(ViridisColorMap.argb(0.3) >>> 24).isEqualTo(0xFF);
  }
}
