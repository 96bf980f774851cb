package org.musetag.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musetag.dsp.KeyEstimator;
import org.musetag.dsp.TempoEstimator;
import org.musetag.dsp.TempoKey;
import org.musetag.ml.Analysis;
import org.musetag.settings.KeyNotation;
import org.musetag.settings.Settings;
import org.musetag.tags.TagField;

/** The tempo and key a proposal writes: a whole BPM, the key in the chosen notation, only what was heard. */
class TagProposalTempoKeyTest {
  static final Analysis HEARD =
      TagProposalHeadsTest.ANALYSIS.withTempoKey(
          new TempoKey(
              new TempoEstimator.Tempo(127.6, 0.8),
              new KeyEstimator.Key(6, true, 0.4),
              TempoKey.METHOD));

  static final Set<TagField> BOTH = Set.of(TagField.BPM, TagField.KEY);

  @Test
  void theTempoIsAWholeNumberAndTheKeyIsInTheChosenNotation() {
    assertThat(TagProposal.DEFAULTS.values(HEARD, BOTH))
        .isEqualTo(Map.of(TagField.BPM, List.of("128"), TagField.KEY, List.of("F#m")));
    assertThat(
            TagProposal.of(Settings.defaults().withKeyNotation(KeyNotation.CAMELOT))
                .values(HEARD, BOTH)
                .get(TagField.KEY))
        .containsExactly("11A");
    assertThat(
            TagProposal.of(Settings.defaults().withKeyNotation(KeyNotation.OPEN_KEY))
                .values(HEARD, BOTH)
                .get(TagField.KEY))
        .containsExactly("4m");
  }

  @Test
  void tempoAndKeyAloneDoNotNameTheModelWhatWasNotHeardIsNotProposed() {
    assertThat(TagProposal.DEFAULTS.values(HEARD, BOTH)).doesNotContainKey(TagField.MOOD_MODEL);
    assertThat(TagProposal.DEFAULTS.values(TagProposalHeadsTest.ANALYSIS, BOTH)).isEmpty();
    assertThat(TagProposal.DEFAULTS.values(HEARD, Set.of(TagField.GENRE)))
        .doesNotContainKeys(TagField.BPM, TagField.KEY);
  }

  @Test
  void theDefaultsWriteTempoAndKeyIntoEmptyFieldsOnly() {
    Settings d = Settings.defaults();
    assertThat(d.fields()).contains(TagField.BPM, TagField.KEY);
    assertThat(d.policies().get(TagField.BPM)).hasToString("FILL_EMPTY");
    assertThat(d.policies().get(TagField.KEY)).hasToString("FILL_EMPTY");
    assertThat(d.toJson(d.fields()))
        .contains("\"bpm_policy\":\"FILL_EMPTY\"", "\"key_notation\":\"STANDARD\"");
  }
}
