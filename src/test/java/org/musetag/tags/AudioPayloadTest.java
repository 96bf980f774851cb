package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;

/** The audio fingerprint changes when one audio byte changes, so a damaging write cannot slip through. */
class AudioPayloadTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void oneChangedAudioByteChangesTheFingerprint(Encoding enc) throws Exception {
    Path file = AudioFixtures.tone(dir, "tone", enc, 440, 0.5);
    TagFormat format = TagFormat.of(file).orElseThrow();
    String before = AudioPayload.digest(file, format);
    long at = Files.size(file) - 300;

    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, at);
      ch.write(ByteBuffer.wrap(new byte[] {(byte) (b.get(0) ^ 0x01)}), at);
    }

    assertThat(AudioPayload.digest(file, format)).isNotEqualTo(before);
  }
}
