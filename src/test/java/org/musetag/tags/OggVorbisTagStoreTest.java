package org.musetag.tags;

import java.nio.file.Path;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;
import org.musetag.audio.AudioFixtures.Encoding;

/** Ogg Vorbis: repeated Vorbis comments; a longer comment header re-pages the stream, the packets stay. */
class OggVorbisTagStoreTest extends TagStoreContractTest {
  @Override
  Encoding encoding() {
    return Encoding.OGG_VORBIS;
  }

  @Override
  void assertStoredAsTheGuideSays(Path tagged) throws Exception {
    VorbisAssertions.assertAsTheGuideSays(
        (VorbisCommentTag) AudioFileIO.read(tagged.toFile()).getTag());
  }
}
