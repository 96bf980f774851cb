package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The built-in fields and heads' user fields: names, what the journal stores, what is refused, their order. */
class TagFieldTest {

  @Test
  void aUserFieldIsUpperCasedMultiValuedAndNamedUserColonNameForTheJournal() {
    TagField f = TagField.user("Workout_2");

    assertThat(f.name()).isEqualTo("USER:WORKOUT_2");
    assertThat(f.userName()).isEqualTo("WORKOUT_2");
    assertThat(f.isUser()).isTrue();
    assertThat(f.multiValued()).isTrue();
    assertThat(f)
        .isEqualTo(TagField.user("WORKOUT_2"))
        .hasSameHashCodeAs(TagField.user("workout_2"));
  }

  @Test
  void valueOfReadsBackWhatNameWrites() {
    for (TagField f : List.of(TagField.GENRE, TagField.MOOD_MODEL, TagField.user("STYLES"))) {
      assertThat(TagField.valueOf(f.name())).isEqualTo(f);
    }
    assertThat(TagField.valueOf("genre")).isSameAs(TagField.GENRE);
    assertThat(TagField.valueOf("user:styles")).isEqualTo(TagField.user("STYLES"));
    assertThatThrownBy(() -> TagField.valueOf("TEMPO_X"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namesPlayersAlreadyUseOrThatNoFormatCanHoldAreRefusedWithAReason() {
    for (String taken :
        List.of(
            "genre",
            "MOOD",
            "MoodModel",
            "VALENCE",
            "AROUSAL",
            "ARTIST",
            "TITLE",
            "ALBUM",
            "DATE",
            "COMMENT",
            "BARCODE",
            "OCCASION",
            "REPLAYGAIN_TRACK_GAIN",
            "MUSICBRAINZ_TRACKID")) {
      assertThatThrownBy(() -> TagField.user(taken))
          .as(taken)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("already use it");
    }
    for (String bad : List.of("", "2step", "rainy day", "dub-step", "x".repeat(65))) {
      assertThatThrownBy(() -> TagField.user(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("letters, digits and '_'");
    }
    assertThat(TagField.user("x".repeat(64)).userName()).hasSize(64);
  }

  @Test
  void builtInsComeFirstInTheirOrderThenUserFieldsByName() {
    TreeSet<TagField> sorted =
        new TreeSet<>(
            List.of(
                TagField.user("ZED"),
                TagField.MOOD_MODEL,
                TagField.user("ALPHA"),
                TagField.GENRE,
                TagField.AROUSAL));

    assertThat(sorted)
        .containsExactly(
            TagField.GENRE,
            TagField.AROUSAL,
            TagField.MOOD_MODEL,
            TagField.user("ALPHA"),
            TagField.user("ZED"));
    assertThat(TagField.builtIns())
        .containsExactly(
            TagField.GENRE,
            TagField.MOOD,
            TagField.VALENCE,
            TagField.AROUSAL,
            TagField.MOOD_MODEL,
            TagField.BPM,
            TagField.KEY);
  }
}
