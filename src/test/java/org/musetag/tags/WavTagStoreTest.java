package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.wav.WavTag;
import org.musetag.audio.AudioFixtures.Encoding;

/** WAV: the fields go to an ID3v2.4 chunk; the INFO chunk FFmpeg wrote stays as it was. */
class WavTagStoreTest extends TagStoreContractTest {
  @Override
  Encoding encoding() {
    return Encoding.WAV;
  }

  @Override
  void assertStoredAsTheGuideSays(Path tagged) throws Exception {
    WavTag tag = (WavTag) AudioFileIO.read(tagged.toFile()).getTag();
    Id3Assertions.assertV24AsTheGuideSays(tag.getID3Tag());
    assertThat(tag.isExistingInfoTag()).isTrue();
    assertThat(tag.getInfoTag().getFirst(org.jaudiotagger.tag.FieldKey.TITLE))
        .startsWith("Fixture WAV");
  }
}
