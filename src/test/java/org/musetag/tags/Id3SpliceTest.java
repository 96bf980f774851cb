package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;

/**
 * When the user's frames must be put back and do not fit in the tag JAudioTagger wrote, the tag grows: in an MP3
 * the audio moves back, in WAV and AIFF the ID3 chunk and the container's size grow. The audio stays bit for bit.
 */
class Id3SpliceTest {
  @TempDir Path dir;

  @Test
  void aTagThatMustGrowKeepsTheAudioOfAnMp3() throws Exception {
    Path mp3 = AudioFixtures.tone(dir, "grow", Encoding.MP3, 440, 1.0);
    Id3Bytes.putOnMp3(mp3, new Id3Bytes().text("TCON", "rock").tag(0));
    assertGrows(mp3, TagFormat.MP3);
  }

  @Test
  void aTagThatMustGrowKeepsTheAudioOfAWav() throws Exception {
    Path wav = AudioFixtures.tone(dir, "grow", Encoding.WAV, 440, 1.0);
    Id3Bytes.putOnWav(wav, new Id3Bytes().text("TCON", "rock").tag(1));
    assertGrows(wav, TagFormat.WAV);
  }

  @Test
  void aTagThatMustGrowKeepsTheAudioOfAnAiff() throws Exception {
    Path aiff = AudioFixtures.tone(dir, "grow", Encoding.AIFF, 440, 1.0);
    Id3Bytes.putOnAiff(aiff, new Id3Bytes().text("TCON", "rock").tag(0));
    assertGrows(aiff, TagFormat.AIFF);
  }

  /** The original "had" a large private frame and an odd-length comment the written tag lacks: both must come back. */
  private static void assertGrows(Path file, TagFormat format) throws Exception {
    String audio = AudioPayload.digest(file, format);
    TagIntegrity.Snapshot written = TagIntegrity.read(file, format);
    byte[] owner =
        Id3Bytes.concat(
            "example.org".getBytes(java.nio.charset.StandardCharsets.US_ASCII), new byte[5001]);
    byte[] tag = new Id3Bytes().frame("PRIV", owner).comment("odd").tag(0);
    List<RawItem> original = new ArrayList<>(Id3Structure.parse(tag, 0).frames());
    original.addAll(written.items());
    TagIntegrity.Snapshot before = new TagIntegrity.Snapshot(true, 4, null, original);

    assertThat(Id3Splice.restoreOthers(file, format, before, Set.of())).isTrue();

    TagIntegrity.Snapshot after = TagIntegrity.read(file, format);
    assertThat(before.changedIn(after, Set.of())).isNull();
    assertThat(after.items()).extracting(RawItem::id).containsExactly("PRIV", "COMM", "TCON");
    assertThat(AudioPayload.digest(file, format)).isEqualTo(audio);
    assertThat(new JaudiotaggerTagStore(TagOptions.defaults()).read(file).get(TagField.GENRE))
        .containsExactly("rock");
    assertThat(new org.musetag.audio.FfmpegAudioDecoder().decode(file, 8000).durationSeconds())
        .isBetween(0.95, 1.05);
  }
}
