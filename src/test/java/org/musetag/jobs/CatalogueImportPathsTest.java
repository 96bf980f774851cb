package org.musetag.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a path as the catalogue job saw it becomes a file on this machine. */
class CatalogueImportPathsTest {
  @Test
  void aPrefixIsMappedAndEscapesAreDecoded() {
    assertThat(
            CatalogueImport.local(
                "hdfs://nn:8020/music/Al%20Green/01%20Let's.ogg",
                List.of("s3a://bucket/=/mnt/", "hdfs://nn:8020/music/=/home/me/Music/")))
        .isEqualTo(Path.of("/home/me/Music/Al Green/01 Let's.ogg"));
  }

  @Test
  void localFilesNeedNoMapAndOtherFileSystemsDo() {
    assertThat(CatalogueImport.local("file:/srv/music/a.flac", List.of()))
        .isEqualTo(Path.of("/srv/music/a.flac"));
    assertThat(CatalogueImport.local("file:///srv/music/a.flac", List.of()))
        .isEqualTo(Path.of("/srv/music/a.flac"));
    assertThat(CatalogueImport.local("s3a://bucket/a.flac", List.of())).isNull();
  }
}
