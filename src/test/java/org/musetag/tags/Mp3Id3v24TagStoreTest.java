package org.musetag.tags;

import java.nio.file.Path;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.mp3.MP3File;
import org.musetag.audio.AudioFixtures.Encoding;

/** MP3 with the ID3v2.4 tag FFmpeg writes: several values NUL-separated, mood in TMOO. */
class Mp3Id3v24TagStoreTest extends TagStoreContractTest {
  @Override
  Encoding encoding() {
    return Encoding.MP3;
  }

  @Override
  void assertStoredAsTheGuideSays(Path tagged) throws Exception {
    Id3Assertions.assertV24AsTheGuideSays(
        ((MP3File) AudioFileIO.read(tagged.toFile())).getID3v2Tag());
  }
}
