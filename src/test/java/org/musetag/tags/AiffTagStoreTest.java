package org.musetag.tags;

import java.nio.file.Path;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.aiff.AiffTag;
import org.musetag.audio.AudioFixtures.Encoding;

/** AIFF: the fields go to its ID3 chunk, as for WAV. */
class AiffTagStoreTest extends TagStoreContractTest {
  @Override
  Encoding encoding() {
    return Encoding.AIFF;
  }

  @Override
  void assertStoredAsTheGuideSays(Path tagged) throws Exception {
    Id3Assertions.assertV24AsTheGuideSays(
        ((AiffTag) AudioFileIO.read(tagged.toFile()).getTag()).getID3Tag());
  }
}
