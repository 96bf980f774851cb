package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.musetag.audio.AudioFixtures.Encoding;

/** M4A: one ©gen atom and one freeform atom per field, each holding one data atom per value. */
class M4aTagStoreTest extends TagStoreContractTest {
  @Override
  Encoding encoding() {
    return Encoding.M4A_AAC;
  }

  @Override
  void assertStoredAsTheGuideSays(Path tagged) throws Exception {
    List<Mp4Ilst.Item> items = Mp4Ilst.read(tagged);
    assertThat(items).filteredOn(i -> i.name().equals("\u00a9gen")).singleElement()
        .satisfies(i -> assertThat(i.data()).extracting(Mp4Ilst.Data::text).containsExactly("electronic", "rock"));
    assertThat(items).filteredOn(i -> i.name().equals("----:com.apple.iTunes:MOOD")).singleElement()
        .satisfies(i -> assertThat(i.data()).extracting(Mp4Ilst.Data::text).containsExactly("happy", "energetic"));
    assertThat(Mp4Ilst.texts(items, "----:com.apple.iTunes:VALENCE")).containsExactly("0.250");
    assertThat(Mp4Ilst.texts(items, "----:com.apple.iTunes:AROUSAL")).containsExactly("-0.125");
    assertThat(Mp4Ilst.texts(items, "----:com.apple.iTunes:MOODMODEL")).containsExactly("musetag-base@1.0.0");
  }
}
