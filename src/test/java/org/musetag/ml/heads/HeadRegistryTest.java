package org.musetag.ml.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadRegistryTest {
  @TempDir Path dir;

  private HeadRegistry registry() {
    return new HeadRegistry(dir.resolve("models"));
  }

  private static HeadRegistry.Writer card(String name) {
    return (d, version) ->
        Synthetic.card(name, version, HeadKind.LABELS, List.of("a", "b")).write(d);
  }

  @Test
  void versionsCountUpAndAreNotActiveUntilActivated() throws Exception {
    HeadRegistry r = registry();
    assertThat(r.install("mood", card("mood")).version()).isEqualTo(1);
    assertThat(r.install("mood", card("mood")).version()).isEqualTo(2);
    r.install("dub", card("dub"));

    assertThat(r.list())
        .extracting(v -> v.name() + "@" + v.version())
        .containsExactly("dub@1", "mood@1", "mood@2");
    assertThat(r.active()).isEmpty();
    assertThat(r.list().get(1).card().outputs()).containsExactly("a", "b");
  }

  @Test
  void rollbackGoesBackOneActivationAtATimeDownToNone() throws Exception {
    HeadRegistry r = registry();
    r.install("mood", card("mood"));
    r.install("mood", card("mood"));

    r.activate("mood", 1);
    r.activate("mood", 2);
    assertThat(r.active()).extracting(HeadRegistry.Version::version).containsExactly(2);

    assertThat(r.rollback("mood")).contains(1);
    assertThat(r.active()).extracting(HeadRegistry.Version::version).containsExactly(1);
    assertThat(r.rollback("mood")).isEqualTo(Optional.empty());
    assertThat(r.active()).isEmpty();
    assertThatThrownBy(() -> r.rollback("mood"))
        .isInstanceOf(HeadException.class)
        .hasMessageContaining("roll back");
  }

  @Test
  void theActiveVersionCannotBeDeletedAndADeletedOneLeavesTheHistory() throws Exception {
    HeadRegistry r = registry();
    r.install("mood", card("mood"));
    r.install("mood", card("mood"));
    r.install("mood", card("mood"));
    r.activate("mood", 1);
    r.activate("mood", 2);
    r.activate("mood", 3);

    assertThatThrownBy(() -> r.delete("mood", 3))
        .isInstanceOf(HeadException.class)
        .hasMessageContaining("is active");
    r.delete("mood", 2);

    assertThat(r.versions("mood")).extracting(HeadRegistry.Version::version).containsExactly(1, 3);
    assertThat(r.rollback("mood")).contains(1);
    assertThatThrownBy(() -> r.activate("mood", 2))
        .isInstanceOf(HeadException.class)
        .hasMessageContaining("no version 2")
        .hasMessageContaining("[1, 3]");
    assertThatThrownBy(() -> r.delete("mood", 7)).isInstanceOf(HeadException.class);
  }

  @Test
  void deletingTheLastVersionRemovesTheHead() throws Exception {
    HeadRegistry r = registry();
    r.install("dub", card("dub"));
    r.delete("dub", 1);

    assertThat(r.list()).isEmpty();
    assertThat(dir.resolve("models/dub")).doesNotExist();
  }

  @Test
  void aWriterThatFailsHalfWayLeavesNothingBehind() throws Exception {
    HeadRegistry r = registry();
    r.install("mood", card("mood"));

    assertThatThrownBy(
            () ->
                r.install(
                    "mood",
                    (d, version) -> {
                      Files.writeString(d.resolve(HeadCard.ONNX), "half an ONNX file");
                      throw new IOException("disk full");
                    }))
        .isInstanceOf(HeadException.class)
        .hasMessageContaining("disk full");
    assertThatThrownBy(
            () -> r.install("other", (d, version) -> Files.writeString(d.resolve("x"), "no card")))
        .isInstanceOf(HeadException.class);

    assertThat(r.list()).extracting(HeadRegistry.Version::version).containsExactly(1);
    assertThat(r.install("mood", card("mood")).version()).isEqualTo(2);
    try (Stream<Path> all = Files.walk(dir.resolve("models"))) {
      assertThat(all.map(p -> dir.relativize(p).toString()))
          .noneMatch(p -> p.contains(".staging-") || p.startsWith("models/other"));
    }
  }

  @Test
  void aNameMustMakeAPlainFolderName() {
    for (String bad : List.of("", "../x", ".hidden", "a/b", "x".repeat(65), "rainy day")) {
      assertThatThrownBy(() -> registry().install(bad, card(bad)))
          .isInstanceOf(HeadException.class)
          .hasMessageContaining("cannot name a head");
    }
  }
}
