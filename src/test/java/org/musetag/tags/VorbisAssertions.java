package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;

import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;

/** Checks on a Vorbis comment as JAudioTagger parses it: one comment per value. */
final class VorbisAssertions {

  private VorbisAssertions() {}

  static void assertAsTheGuideSays(VorbisCommentTag tag) {
    assertThat(tag.getAll("GENRE")).containsExactly("electronic", "rock");
    assertThat(tag.getAll("MOOD")).containsExactly("happy", "energetic");
    assertThat(tag.getAll("VALENCE")).containsExactly("0.250");
    assertThat(tag.getAll("AROUSAL")).containsExactly("-0.125");
    assertThat(tag.getAll("MOODMODEL")).containsExactly("musetag-base@1.0.0");
  }
}
