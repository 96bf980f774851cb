package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagChangePlannerTest {
  static final Path FILE = Path.of("song.flac");

  static TagValues values(TagField field, String... v) {
    return new TagValues(Map.of(field, List.of(v)));
  }

  static List<TagChange> plan(TagValues current, TagValues proposed, WritePolicy policy) {
    return TagChangePlanner.plan(
        FILE, current, proposed, Map.of(TagField.GENRE, policy, TagField.VALENCE, policy));
  }

  @Test
  void replaceReplacesTheExistingValues() {
    List<TagChange> changes =
        plan(
            values(TagField.GENRE, "Jazz", "Blues"),
            values(TagField.GENRE, "electronic"),
            WritePolicy.REPLACE);

    assertThat(changes)
        .containsExactly(
            new TagChange(FILE, TagField.GENRE, List.of("Jazz", "Blues"), List.of("electronic")));
  }

  @Test
  void mergeKeepsExistingValuesFirstAndAppendsOnlyNewOnesIgnoringCase() {
    List<TagChange> changes =
        plan(
            values(TagField.GENRE, "Rock", "Jazz"),
            values(TagField.GENRE, "rock", "electronic", "JAZZ", "Electronic"),
            WritePolicy.MERGE);

    assertThat(changes)
        .singleElement()
        .extracting(TagChange::newValues)
        .isEqualTo(List.of("Rock", "Jazz", "electronic"));
  }

  @Test
  void mergeThatAddsNothingNewIsNoChange() {
    assertThat(
            plan(values(TagField.GENRE, "Rock"), values(TagField.GENRE, "ROCK"), WritePolicy.MERGE))
        .isEmpty();
  }

  @Test
  void fillEmptyWritesOnlyIntoAnEmptyField() {
    assertThat(
            plan(
                values(TagField.GENRE, "Jazz"),
                values(TagField.GENRE, "rock"),
                WritePolicy.FILL_EMPTY))
        .isEmpty();
    assertThat(plan(TagValues.empty(), values(TagField.GENRE, "rock"), WritePolicy.FILL_EMPTY))
        .containsExactly(new TagChange(FILE, TagField.GENRE, List.of(), List.of("rock")));
  }

  @Test
  void aFieldWhoseValuesWouldNotChangeProducesNoChange() {
    assertThat(
            plan(
                values(TagField.GENRE, "rock"),
                values(TagField.GENRE, "rock"),
                WritePolicy.REPLACE))
        .isEmpty();
  }

  @Test
  void fieldsThatAreNotProposedAreLeftAlone() {
    TagValues current =
        new TagValues(Map.of(TagField.GENRE, List.of("Jazz"), TagField.MOOD, List.of("sad")));

    assertThat(plan(current, values(TagField.VALENCE, "0.500"), WritePolicy.REPLACE))
        .containsExactly(new TagChange(FILE, TagField.VALENCE, List.of(), List.of("0.500")));
  }

  @Test
  void mergingASingleValuedFieldReplacesItBecauseItCannotHoldTwo() {
    assertThat(
            plan(
                values(TagField.VALENCE, "0.100"),
                values(TagField.VALENCE, "0.200"),
                WritePolicy.MERGE))
        .containsExactly(new TagChange(FILE, TagField.VALENCE, List.of("0.100"), List.of("0.200")));
  }

  @Test
  void withoutAPolicyGenresAreMergedAndNumbersReplaced() {
    TagValues current =
        new TagValues(Map.of(TagField.GENRE, List.of("Jazz"), TagField.AROUSAL, List.of("0.100")));
    TagValues proposed =
        new TagValues(Map.of(TagField.GENRE, List.of("rock"), TagField.AROUSAL, List.of("0.900")));

    assertThat(TagChangePlanner.plan(FILE, current, proposed, Map.of()))
        .containsExactly(
            new TagChange(FILE, TagField.GENRE, List.of("Jazz"), List.of("Jazz", "rock")),
            new TagChange(FILE, TagField.AROUSAL, List.of("0.100"), List.of("0.900")));
  }

  @Test
  void proposedDuplicatesAndBlanksAreDropped() {
    assertThat(
            plan(
                TagValues.empty(),
                values(TagField.GENRE, " rock ", "Rock", " "),
                WritePolicy.REPLACE))
        .singleElement()
        .extracting(TagChange::newValues)
        .isEqualTo(List.of("rock"));
  }

  @Test
  void aBpmOrKeyAlreadyInTheFileIsKeptByDefaultAndReplacedOnlyWhenAsked() {
    TagValues current =
        new TagValues(Map.of(TagField.BPM, List.of("124"), TagField.KEY, List.of("8A")));
    TagValues proposed =
        new TagValues(Map.of(TagField.BPM, List.of("128"), TagField.KEY, List.of("Am")));

    assertThat(TagChangePlanner.plan(FILE, current, proposed, Map.of())).isEmpty();
    assertThat(TagChangePlanner.plan(FILE, TagValues.empty(), proposed, Map.of()))
        .extracting(TagChange::field)
        .containsExactly(TagField.BPM, TagField.KEY);
    assertThat(
            TagChangePlanner.plan(
                FILE,
                current,
                proposed,
                Map.of(TagField.BPM, WritePolicy.REPLACE, TagField.KEY, WritePolicy.REPLACE)))
        .containsExactly(
            new TagChange(FILE, TagField.BPM, List.of("124"), List.of("128")),
            new TagChange(FILE, TagField.KEY, List.of("8A"), List.of("Am")));
  }
}
