package org.musetag.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.musetag.audio.AudioFixtures.Encoding;

/** Every kind of bad input gives the app's own error naming the file; none returns garbage or takes the JVM down. */
class BadAudioFilesTest {
  private static final int RATE = 16000;
  private final AudioDecoder decoder = new FfmpegAudioDecoder();

  @TempDir Path dir;

  @Test
  void aZeroByteFileIsReportedAsEmpty() throws Exception {
    Path file = Files.createFile(dir.resolve("empty.mp3"));
    assertFailsNaming(file, "empty");
  }

  @Test
  void randomBytesAreNotAudio() throws Exception {
    byte[] noise = new byte[200_000];
    new Random(7).nextBytes(noise);
    Path file = Files.write(dir.resolve("noise.flac"), noise);
    assertFailsNaming(file, "audio");
  }

  @Test
  void aTextFileNamedLikeAnMp3IsNotAudio() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("notes.mp3"), "shopping list\n".repeat(500), StandardCharsets.UTF_8);
    assertFailsNaming(file, "");
  }

  @Test
  void anOggFileNamedLikeAnMp3IsReadByItsContent() throws Exception {
    Path ogg = AudioFixtures.tone(dir, "tone", Encoding.OGG_VORBIS, 440, 2.0);
    Path misnamed = Files.move(ogg, dir.resolve("misnamed.mp3"));

    assertThat(decoder.probe(misnamed).codec()).isEqualTo("vorbis");
    assertThat(decoder.decode(misnamed, RATE).durationSeconds()).isCloseTo(2.0, within(0.07));
  }

  @ParameterizedTest
  @EnumSource(
      value = Encoding.class,
      names = {"MP3", "FLAC", "OGG_VORBIS", "OPUS", "M4A_AAC", "WAV", "AIFF"})
  void aFileCutInHalfIsReportedAsTruncated(Encoding enc) throws Exception {
    Path whole = AudioFixtures.tone(dir, "whole", enc, 440, 20.0);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut =
        Files.write(dir.resolve("cut." + enc.extension), Arrays.copyOf(bytes, bytes.length / 2));

    assertThatThrownBy(() -> decoder.decode(cut, RATE))
        .isInstanceOf(AudioFileException.class)
        .hasMessageContaining(cut.toString());
    // A window in the missing second half cannot be decoded either; one in the first half is real
    // audio.
    assertThatThrownBy(() -> decoder.decodeWindow(cut, RATE, new TimeWindow(15, 2)))
        .isInstanceOf(AudioFileException.class)
        .hasMessageContaining(cut.toString());
  }

  @ParameterizedTest
  @CsvSource({"FLAC, mp3", "MP3, flac", "WAV, mp3", "M4A_AAC, mp3", "AIFF, flac"})
  void aMisnamedFileIsReadAsWhatItIs(Encoding enc, String wrongExtension) throws Exception {
    Path right = AudioFixtures.tone(dir, "tone", enc, 440, 4.0);
    Path wrong = ImperfectFiles.namedAs(right, wrongExtension);

    AudioInfo info = decoder.probe(wrong);
    assertThat(info.codec()).isEqualTo(enc.codec);
    assertThat(info.format()).isEqualTo(decoder.probe(right).format());
    assertThat(info.durationSeconds()).isEqualTo(decoder.probe(right).durationSeconds());
    assertThat(info.misnamed())
        .isEqualTo(
            "is named ."
                + wrongExtension
                + " but its content is "
                + info.format().toUpperCase(Locale.ROOT));
    assertThat(decoder.probe(right).misnamed()).isNull();
    float[] expected = decoder.decode(right, RATE).samples();
    float[] actual = decoder.decode(wrong, RATE).samples();
    assertThat(actual).hasSameSizeAs(expected);
    assertThat(Arrays.copyOf(actual, 2000)).containsExactly(Arrays.copyOf(expected, 2000));
    assertThat(decoder.decodeWindow(wrong, RATE, new TimeWindow(2, 1)).samples())
        .containsExactly(decoder.decodeWindow(right, RATE, new TimeWindow(2, 1)).samples());
  }

  @ParameterizedTest
  @EnumSource(
      value = Encoding.class,
      names = {"MP3", "FLAC", "AIFF"})
  void aFileCutInHalfIsDescribedAsTruncatedWithTheAudioThatIsThere(Encoding enc) throws Exception {
    Path whole = AudioFixtures.tone(dir, "whole", enc, 440, 20.0);
    assertCutCopyIsDescribedAsTruncated(whole, "cut." + enc.extension);
  }

  @Test
  void anAudiobookCutShortIsDescribedAsTruncatedWithTheAudioThatIsThere() throws Exception {
    assertCutCopyIsDescribedAsTruncated(ImperfectFiles.audiobook(dir, "book", 20.0), "cut.m4b");
  }

  @Test
  void aFlacDownloadLeftZeroFilledIsDescribedAsTruncatedWithTheAudioThatIsThere() throws Exception {
    Path whole = AudioFixtures.tone(dir, "whole", Encoding.FLAC, 440, 20.0);
    assertCopyIsDescribedAsTruncated(
        whole, ImperfectFiles.zeroFilledAfterHalf(whole, "zeros.flac"));
  }

  private void assertCutCopyIsDescribedAsTruncated(Path whole, String name) throws Exception {
    assertCopyIsDescribedAsTruncated(whole, ImperfectFiles.firstHalf(whole, name));
  }

  private void assertCopyIsDescribedAsTruncated(Path whole, Path cut) throws Exception {

    AudioInfo info = decoder.probe(cut);
    assertThat(decoder.probe(whole).truncation()).isNull();
    assertThat(info.truncation()).startsWith("is truncated").contains("20.0 s");
    assertThat(info.declaredSeconds()).isCloseTo(20.0, within(0.1));
    // Half the bytes hold about half the audio; all of it up to the length reported decodes as in
    // the whole file.
    assertThat(info.durationSeconds()).isBetween(9.0, 10.5);
    TimeWindow there = new TimeWindow(0, info.durationSeconds() - 0.25);
    assertThat(decoder.decodeWindow(cut, RATE, there).samples())
        .containsExactly(decoder.decodeWindow(whole, RATE, there).samples());
  }

  @Test
  void aFlacWithADamagedPictureIsDecodedAndItsTagsAreReportedDamaged() throws Exception {
    Path good = AudioFixtures.tone(dir, "good", Encoding.FLAC, 440, 3.0);
    Path damaged = ImperfectFiles.withDamagedPicture(good);

    assertThat(decoder.probe(damaged).tagProblem()).contains("picture");
    assertThat(decoder.probe(damaged).truncation()).isNull();
    assertThat(decoder.probe(good).tagProblem()).isNull();
    assertThat(decoder.decode(damaged, RATE).samples())
        .containsExactly(decoder.decode(good, RATE).samples());
    assertThat(decoder.decodeWindow(damaged, RATE, new TimeWindow(1, 1)).samples()).hasSize(RATE);
  }

  @Test
  void anMp3WithABadByteOrderMarkInItsTagIsDecodedAndItsTagsAreReportedDamaged() throws Exception {
    Path good = AudioFixtures.tone(dir, "good", Encoding.MP3, 440, 3.0);
    Path damaged = ImperfectFiles.withBadBomTitle(good);

    assertThat(decoder.probe(damaged).tagProblem()).contains("BOM");
    assertThat(decoder.decode(damaged, RATE).samples())
        .containsExactly(decoder.decode(good, RATE).samples());
    assertThat(decoder.decodeWindow(damaged, RATE, new TimeWindow(1, 1)).samples()).hasSize(RATE);
  }

  @Test
  void aFlacWhoseHeaderClaimsTwiceItsLengthIsMeasuredByItsFrames() throws Exception {
    Path flac =
        ImperfectFiles.claimingTwiceItsLength(
            AudioFixtures.tone(dir, "tone", Encoding.FLAC, 440, 20.0));

    AudioInfo info = decoder.probe(flac);
    assertThat(info.declaredSeconds()).isCloseTo(40.0, within(0.01));
    assertThat(info.durationSeconds()).isCloseTo(20.0, within(0.01));
    assertThat(info.truncation()).contains("40.0 s").contains("20.0 s");
    assertThat(decoder.decodeWindow(flac, RATE, new TimeWindow(5, 2)).samples()).hasSize(2 * RATE);
    // Past the real end: not "cannot seek", but where the audio ends.
    assertThatThrownBy(() -> decoder.decodeWindow(flac, RATE, new TimeWindow(22.8, 2)))
        .isInstanceOfSatisfying(
            AudioFileException.class,
            e -> {
              assertThat(e.reason()).startsWith("is truncated");
              assertThat(e.audioEndsAt()).hasValueCloseTo(20.0, within(0.01));
            });
  }

  @ParameterizedTest
  @EnumSource(
      value = Encoding.class,
      names = {"WAV", "OGG_VORBIS"})
  void aWavOrOggCutInHalfIsStillDescribedWithItsTruncation(Encoding enc) throws Exception {
    Path cut =
        ImperfectFiles.firstHalf(
            AudioFixtures.tone(dir, "whole", enc, 440, 20.0), "cut." + enc.extension);

    AudioInfo info = decoder.probe(cut);
    assertThat(info.truncation()).startsWith("is truncated");
    assertThat(info.durationSeconds()).isBetween(8.0, 11.0);
  }

  /** MP3 is left out: junk before the first frame is skipped by FFmpeg and by every player, and rightly so. */
  @ParameterizedTest
  @EnumSource(
      value = Encoding.class,
      names = {"FLAC", "OGG_VORBIS", "OPUS", "M4A_AAC", "WAV", "AIFF"})
  void aFileWithAGarbledHeaderFailsCleanly(Encoding enc) throws Exception {
    Path corrupt = garble(AudioFixtures.tone(dir, "good", enc, 440, 5.0), 0);
    assertFailsNaming(corrupt, "");
  }

  /** WAV and AIFF are left out: raw PCM has no checksums, so damage inside the samples is just different audio. */
  @ParameterizedTest
  @EnumSource(
      value = Encoding.class,
      names = {"MP3", "FLAC", "OGG_VORBIS", "OPUS", "M4A_AAC"})
  void aFileDamagedInTheMiddleIsReportedAsDamaged(Encoding enc) throws Exception {
    Path whole = AudioFixtures.tone(dir, "good", enc, 440, 10.0);
    Path corrupt = garble(whole, java.nio.file.Files.size(whole) / 2);

    assertThatThrownBy(() -> decoder.decode(corrupt, RATE))
        .isInstanceOf(AudioFileException.class)
        .hasMessageContaining(corrupt.toString())
        .hasMessageContaining("damaged");
  }

  private static Path garble(Path file, long at) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    byte[] garbage = new byte[4096];
    new Random(11).nextBytes(garbage);
    System.arraycopy(garbage, 0, bytes, (int) at, Math.min(garbage.length, bytes.length / 2));
    String name = file.getFileName().toString();
    return Files.write(file.resolveSibling("garbled-" + at + "-" + name), bytes);
  }

  @Test
  void aMissingFileAndAFolderAreNamed() throws Exception {
    assertFailsNaming(dir.resolve("gone.ogg"), "does not exist");
    assertFailsNaming(Files.createDirectory(dir.resolve("album.flac")), "folder");
  }

  @Test
  void anImageIsNotAudio() throws Exception {
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
    Path file = dir.resolve("cover.ogg");
    javax.imageio.ImageIO.write(img, "png", file.toFile());
    assertFailsNaming(file, "");
  }

  private void assertFailsNaming(Path file, String reasonFragment) {
    assertThatThrownBy(() -> decoder.decode(file, RATE))
        .isInstanceOf(AudioFileException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(reasonFragment);
    assertThatThrownBy(() -> decoder.decodeWindow(file, RATE, new TimeWindow(0.5, 1)))
        .isInstanceOf(AudioFileException.class)
        .hasMessageContaining(file.toString());
  }
}
