package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.musetag.audio.AudioFixtures.Encoding;

/** Opus: Vorbis comments in the OpusTags header, which Musetag writes itself (JAudioTagger 3.0.1 cannot). */
class OpusTagStoreTest extends TagStoreContractTest {
  @Override
  Encoding encoding() {
    return Encoding.OPUS;
  }

  @Override
  void assertStoredAsTheGuideSays(Path tagged) throws Exception {
    assertThat(OpusFixture.values(tagged, "GENRE")).containsExactly("electronic", "rock");
    assertThat(OpusFixture.values(tagged, "MOOD")).containsExactly("happy", "energetic");
    assertThat(OpusFixture.values(tagged, "VALENCE")).containsExactly("0.250");
    assertThat(OpusFixture.values(tagged, "AROUSAL")).containsExactly("-0.125");
    assertThat(OpusFixture.values(tagged, "MOODMODEL")).containsExactly("musetag-base@1.0.0");
  }
}
