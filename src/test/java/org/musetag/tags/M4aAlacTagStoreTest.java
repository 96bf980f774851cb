package org.musetag.tags;

import org.musetag.audio.AudioFixtures.Encoding;

/** Apple Lossless (ALAC) M4A: the same ilst as AAC, so the same contract, whatever codec the track holds. */
class M4aAlacTagStoreTest extends M4aTagStoreTest {
  @Override
  Encoding encoding() {
    return Encoding.M4A_ALAC;
  }
}
