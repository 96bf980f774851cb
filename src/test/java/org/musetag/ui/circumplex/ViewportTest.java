package org.musetag.ui.circumplex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ViewportTest {
  @Test
  void theWholePlaneFitsAndTheOriginIsCentred() {
    Viewport v = new Viewport();
    v.resize(800, 600);
    assertThat(v.toScreenX(0)).isEqualTo(400);
    assertThat(v.toScreenY(0)).isEqualTo(300);
    assertThat(v.toScreenY(1)).isGreaterThan(0).isLessThan(300);
    assertThat(v.toScreenY(-1)).isLessThan(600);
    assertThat(v.toValence(v.toScreenX(0.37))).isCloseTo(0.37, within(1e-12));
  }

  @Test
  void zoomKeepsThePointUnderTheMouseAndPanFollowsTheDrag() {
    Viewport v = new Viewport();
    v.resize(800, 600);
    double val = v.toValence(620);
    double aro = v.toArousal(140);
    v.zoomAt(620, 140, 3);
    assertThat(v.toScreenX(val)).isCloseTo(620, within(1e-9));
    assertThat(v.toScreenY(aro)).isCloseTo(140, within(1e-9));
    double x = v.toScreenX(0.2);
    v.panBy(25, -10);
    assertThat(v.toScreenX(0.2)).isCloseTo(x + 25, within(1e-9));
    v.zoomAt(0, 0, 1e9);
    assertThat(v.zoom()).isEqualTo(Viewport.MAX_ZOOM);
  }
}
