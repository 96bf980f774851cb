package org.musetag.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;
import org.musetag.ml.heads.HeadKind;
import org.musetag.ml.heads.HeadOutput;
import org.musetag.ml.heads.HeadedAnalysis;
import org.musetag.tags.TagField;

/** What a label head adds to a proposal: its likely labels, in its own user field, and its id in the model id. */
class TagProposalHeadsTest {
  static final TagField STYLES = TagField.user("styles");

  static final Analysis ANALYSIS =
      new Analysis(
          List.of(new LabelScore("reggae", 0.9)),
          "Q1",
          Map.of("Q1", 0.9, "Q2", 0.1, "Q3", 0.0, "Q4", 0.0),
          0.25,
          0.5,
          0.9,
          new float[128],
          "musetag-base@1.0.0");

  static final HeadOutput STYLES_HEAD =
      new HeadOutput(
          "styles@2",
          HeadKind.LABELS,
          List.of(
              new LabelScore("Dub", 0.95),
              new LabelScore("Roots Reggae", 0.8),
              new LabelScore("Lovers Rock", 0.6),
              new LabelScore("Ska", 0.55),
              new LabelScore("Dancehall", 0.49)),
          "STYLES",
          Double.NaN,
          Double.NaN);

  static final HeadedAnalysis HEADED = new HeadedAnalysis(ANALYSIS, Map.of("styles", STYLES_HEAD));

  @Test
  void proposesTheLabelsAtOrAboveTheThresholdAtMostThreeSpelledAsTrained() {
    Map<TagField, List<String>> v =
        TagProposal.DEFAULTS.values(HEADED, Set.of(TagField.GENRE, STYLES));

    assertThat(v.get(STYLES)).containsExactly("Dub", "Roots Reggae", "Lovers Rock");
    assertThat(v.get(TagField.GENRE)).containsExactly("Reggae");
    assertThat(v.get(TagField.MOOD_MODEL)).containsExactly("musetag-base@1.0.0+styles@2");
  }

  @Test
  void aHigherThresholdWritesFewerLabelsAndNoneLeavesTheFieldAndTheModelIdAlone() {
    TagProposal strict = new TagProposal(0.5, 0.6, 0.9);
    assertThat(strict.values(HEADED, Set.of(STYLES)).get(STYLES)).containsExactly("Dub");

    Map<TagField, List<String>> none =
        new TagProposal(0.5, 0.6, 0.99).values(HEADED, Set.of(TagField.GENRE, STYLES));
    assertThat(none).doesNotContainKey(STYLES);
    assertThat(none.get(TagField.MOOD_MODEL)).containsExactly("musetag-base@1.0.0");
  }

  @Test
  void theHeadsFieldIsWrittenOnlyWhenTheCallerAsksForIt() {
    Map<TagField, List<String>> v = TagProposal.DEFAULTS.values(HEADED, Set.of(TagField.GENRE));

    assertThat(v).doesNotContainKey(STYLES);
    assertThat(v.get(TagField.MOOD_MODEL)).containsExactly("musetag-base@1.0.0");
    assertThat(TagProposal.DEFAULTS.values(ANALYSIS, Set.of(TagField.GENRE))).isEqualTo(v);
  }

  @Test
  void aRegressionHeadHasNoField() {
    HeadOutput va = new HeadOutput("va@1", HeadKind.REGRESSION, List.of(), null, 0.1, 0.2);

    assertThat(TagProposal.fieldOf(va)).isNull();
    assertThat(TagProposal.fieldOf(STYLES_HEAD)).isEqualTo(STYLES);
  }
}
