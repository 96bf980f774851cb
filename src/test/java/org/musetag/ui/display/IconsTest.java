package org.musetag.ui.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The icons the app loads are the ones in assets/icons, and each is a single, parsable path. */
class IconsTest {
  @Test
  void classPathIconsAreTheAssets() throws Exception {
    Path assets = Path.of("assets/icons");
    Path resources = Path.of("src/main/resources/org/musetag/ui/icons");
    try (Stream<Path> files = Files.list(assets)) {
      for (Path svg : files.toList()) {
        assertThat(resources.resolve(svg.getFileName())).hasSameBinaryContentAs(svg);
        String[] icon = Icons.load(svg.getFileName().toString().replace(".svg", ""));
        assertThat(icon[0]).startsWith("M");
        assertThat(icon[1]).isIn("evenodd", "nonzero");
      }
    }
  }
}
