package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;

/**
 * A file whose name says another format than its content is read as what it is, and refused for writing with a
 * message saying what it really is (docs/decisions/0004): writing its real tags would leave it misnamed.
 */
class MisnamedFilesTest {
  static final Map<TagField, List<String>> TAGS =
      Map.of(TagField.GENRE, List.of("electronic", "rock"), TagField.MOOD, List.of("calm"));

  @TempDir Path dir;
  final TagStore store = new JaudiotaggerTagStore(TagOptions.defaults());

  @ParameterizedTest(name = "{0} named .{1}")
  @CsvSource({
    "FLAC, mp3, a FLAC file named .mp3; rename it to .flac",
    "MP3, flac, an MP3 file named .flac; rename it to .mp3",
    "WAV, mp3, a WAV file named .mp3; rename it to .wav",
    "M4A_AAC, mp3, an MP4 (M4A) file named .mp3; rename it to .m4a",
    "OPUS, m4a, an Opus file named .m4a; rename it to .opus",
    "AIFF, wav, an AIFF file named .wav; rename it to .aif"
  })
  void isReadAsWhatItIsAndRefusedForWritingSayingWhatItIs(Encoding real, String ext, String says)
      throws Exception {
    Path proper = TagTestFiles.withUserTags(dir, "song", real);
    store.write(proper, TAGS);
    Path misnamed = dir.resolve("song." + ext);
    Files.move(proper, misnamed);
    byte[] bytes = Files.readAllBytes(misnamed);

    assertThat(store.read(misnamed)).isEqualTo(new TagValues(TAGS));
    assertThat(store.canWrite(misnamed)).isFalse();
    String reason = "cannot write tags: it is really " + says + " to tag it";
    assertThat(store.whyNotWritable(misnamed)).isEqualTo(reason);
    assertThatThrownBy(() -> store.write(misnamed, Map.of(TagField.GENRE, List.of("jazz"))))
        .isInstanceOf(TagException.class)
        .hasMessage(misnamed + ": " + reason);
    assertThat(Files.readAllBytes(misnamed)).isEqualTo(bytes);
  }

  @Test
  void aFlacWithAnId3TagInFrontIsStillAFlac() throws Exception {
    Path flac = AudioFixtures.tone(dir, "id3-flac", Encoding.FLAC, 440, 0.5);
    byte[] audio = Files.readAllBytes(flac);
    byte[] id3 = {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    Path named = dir.resolve("id3-flac.mp3");
    Files.write(named, concat(id3, audio));

    assertThat(FormatSniffer.sniff(named)).contains(TagFormat.FLAC);
    assertThat(store.whyNotWritable(named)).contains("really a FLAC file named .mp3");
  }

  @Test
  void filesThatAreWhatTheySayAndUnreadableOnesAreJudgedByTheirName() throws Exception {
    for (Encoding e :
        List.of(
            Encoding.MP3,
            Encoding.FLAC,
            Encoding.OGG_VORBIS,
            Encoding.OPUS,
            Encoding.M4A_AAC,
            Encoding.WAV,
            Encoding.AIFF)) {
      Path file = AudioFixtures.tone(dir, "ok-" + e.name(), e, 440, 0.3);
      assertThat(FormatSniffer.sniff(file)).as(e.name()).contains(TagFormat.of(file).orElseThrow());
      assertThat(store.whyNotWritable(file)).as(e.name()).isNull();
    }
    Path empty = Files.createFile(dir.resolve("empty.mp3"));
    assertThat(FormatSniffer.sniff(empty)).isEmpty();
    assertThat(store.canWrite(empty)).isTrue(); // writing then fails saying the MP3 is damaged
    assertThat(store.canWrite(dir.resolve("missing.flac"))).isTrue();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
