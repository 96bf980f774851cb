package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musetag.ml.Quadrant;

/** What Musetag writes as words and numbers: the mood words of each quadrant, numbers that any locale reads. */
class MoodWordsAndNumbersTest {

  @Test
  void eachQuadrantHasTheWordsPeopleSearchFor() {
    assertThat(Quadrant.Q1.words()).containsExactly("happy", "energetic");
    assertThat(Quadrant.Q2.words()).containsExactly("angry", "tense");
    assertThat(Quadrant.Q3.words()).containsExactly("sad", "melancholic");
    assertThat(Quadrant.Q4.words()).containsExactly("calm", "relaxed");
  }

  @Test
  void numbersHaveADotAndThreeDecimalsWhateverTheLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(TagNumbers.format(0.25)).isEqualTo("0.250");
      assertThat(TagNumbers.format(-0.125)).isEqualTo("-0.125");
      assertThat(TagNumbers.format(1)).isEqualTo("1.000");
      assertThat(TagNumbers.format(-1)).isEqualTo("-1.000");
      assertThat(TagNumbers.format(0.12349)).isEqualTo("0.123");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void aTinyNegativeValueIsWrittenAsZeroWithoutASign() {
    assertThat(TagNumbers.format(-0.0004)).isEqualTo("0.000");
    assertThat(TagNumbers.format(-0.0)).isEqualTo("0.000");
  }

  @Test
  void valuesJustOutsideTheRangeAreRoundedInAndOthersRejected() {
    assertThat(TagNumbers.format(1.0004)).isEqualTo("1.000");
    assertThatThrownBy(() -> TagNumbers.format(1.2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TagNumbers.format(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writtenNumbersParseBack() {
    assertThat(TagNumbers.parse("-0.125")).hasValue(-0.125);
    assertThat(TagNumbers.parse(" 0.5 ")).hasValue(0.5);
    assertThat(TagNumbers.parse("high")).isEmpty();
    assertThat(TagNumbers.parse("7")).isEmpty();
    assertThat(TagNumbers.parse(null)).isEmpty();
  }

  @Test
  void tagValuesTreatAbsentAndEmptyAlikeAndDropBlanks() {
    TagValues a =
        new TagValues(Map.of(TagField.GENRE, List.of("rock", " "), TagField.MOOD, List.of()));
    TagValues b = new TagValues(Map.of(TagField.GENRE, List.of("rock")));

    assertThat(a).isEqualTo(b);
    assertThat(a.get(TagField.MOOD)).isEmpty();
    assertThat(b.with(TagField.GENRE, List.of())).isEqualTo(TagValues.empty());
  }
}
