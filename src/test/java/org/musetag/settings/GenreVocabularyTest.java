package org.musetag.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;

class GenreVocabularyTest {
  private static Analysis analysis(LabelScore... genres) {
    return new Analysis(
        List.of(genres), "Q1", Map.of("Q1", 0.7), 0.4, 0.5, 0.7, new float[0], "m@1");
  }

  @Test
  void renamedLabelsAddUpAndDroppedLabelsVanish() {
    GenreVocabulary v =
        new GenreVocabulary(Map.of("disco", "Dance", "electronic", "Dance"), Set.of("pop"));
    Analysis a =
        v.apply(
            analysis(
                new LabelScore("pop", 0.4),
                new LabelScore("disco", 0.2),
                new LabelScore("electronic", 0.25),
                new LabelScore("rock", 0.15)));
    assertThat(a.genres()).extracting(LabelScore::label).containsExactly("Dance", "rock");
    assertThat(a.genres().get(0).p()).isEqualTo(0.45, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(a.quadrant()).isEqualTo("Q1");
  }

  @Test
  void anEmptyVocabularyChangesNothing() {
    Analysis a = analysis(new LabelScore("rock", 1.0));
    assertThat(GenreVocabulary.NONE.apply(a)).isSameAs(a);
  }

  @Test
  void theModelsExtraTagsAreKeptThroughTheMerge() {
    Map<String, List<LabelScore>> tags = Map.of("tags_msd", List.of(new LabelScore("rock", 0.9)));
    Analysis a =
        new Analysis(
            List.of(new LabelScore("disco", 1.0)),
            "Q1",
            Map.of("Q1", 0.7),
            0.4,
            0.5,
            0.7,
            new float[0],
            "m@2",
            List.of(),
            tags);
    assertThat(new GenreVocabulary(Map.of("disco", "Dance"), Set.of()).apply(a).tags())
        .isEqualTo(tags);
  }
}
