package org.musetag.tags;

import java.nio.file.Path;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.flac.FlacTag;
import org.musetag.audio.AudioFixtures.Encoding;

/** FLAC: repeated Vorbis comments; the cover art picture block must survive. */
class FlacTagStoreTest extends TagStoreContractTest {
  @Override
  Encoding encoding() {
    return Encoding.FLAC;
  }

  @Override
  void assertStoredAsTheGuideSays(Path tagged) throws Exception {
    VorbisAssertions.assertAsTheGuideSays(
        ((FlacTag) AudioFileIO.read(tagged.toFile()).getTag()).getVorbisCommentTag());
  }
}
