package org.musetag.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.library.Library;

/** A damaged results file is named line by line and the import goes on with the rest. */
class CatalogueImportBadRowsTest {
  @TempDir Path dir;

  @Test
  void unreadableRowsAreNamedAndOtherModelsCountedNothingIsStored() throws Exception {
    Path part = Files.createDirectories(dir.resolve("out/tracks-json")).resolve("part-00000.json");
    Files.write(
        part,
        List.of(
            "{\"path\":\"file:/nowhere/a.ogg\",\"size\":1,\"model\":\"musetag-base@1.1.0\"}",
            "this line was cut {\"path\":",
            "{\"size\":3,\"model\":\"musetag-base@2.0.0\"}"));
    ExecutorService pool = Executors.newFixedThreadPool(1);
    try (Library library = Library.open(dir.resolve("lib.db"))) {
      CatalogueImport.Report r =
          new CatalogueImport(library, new FfmpegAudioDecoder(), pool)
              .run(dir.resolve("out"), "musetag-base@2.0.0", List.of());

      assertThat(r.rows()).isEqualTo(2);
      assertThat(r.imported()).isZero();
      assertThat(r.otherModels()).isEqualTo(Map.of("musetag-base@1.1.0", 1));
      assertThat(r.skipped()).isEqualTo(Map.of("not a row the job writes", 2));
      assertThat(r.problems())
          .hasSize(2)
          .anySatisfy(p -> assertThat(p).contains(part.toString() + " line 2"))
          .anySatisfy(p -> assertThat(p).contains("a row without a path"));
    } finally {
      pool.shutdownNow();
    }
  }
}
