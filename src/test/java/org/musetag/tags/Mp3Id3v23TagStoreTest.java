package org.musetag.tags;

import java.nio.file.Path;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.mp3.MP3File;
import org.musetag.audio.AudioFixtures.Encoding;

/** MP3 whose existing ID3v2.3 tag is kept at v2.3: several values joined with "; ", mood in TXXX:MOOD. */
class Mp3Id3v23TagStoreTest extends TagStoreContractTest {
  @Override
  Encoding encoding() {
    return Encoding.MP3;
  }

  @Override
  void prepare(Path fixture) throws Exception {
    TagTestFiles.convertToId3v23(fixture);
  }

  @Override
  void assertStoredAsTheGuideSays(Path tagged) throws Exception {
    Id3Assertions.assertV23AsTheGuideSays(
        ((MP3File) AudioFileIO.read(tagged.toFile())).getID3v2Tag(), "; ");
  }
}
