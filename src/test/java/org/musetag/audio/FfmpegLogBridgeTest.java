package org.musetag.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FfmpegLogBridgeTest {
  @Test
  void theOggDemuxersInvalidPtsLineIsNotDamage() {
    assertThat(FfmpegLogBridge.benign("[ogg @ 0x7fb29419b280] invalid pts -104")).isTrue();
  }

  @Test
  void decoderErrorsAreDamage() {
    assertThat(FfmpegLogBridge.benign("[mp3float @ 0x55] Header missing")).isFalse();
    assertThat(FfmpegLogBridge.benign("[flac @ 0x55] CRC mismatch")).isFalse();
  }
}
