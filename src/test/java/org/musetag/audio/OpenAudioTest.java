package org.musetag.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures.Encoding;

/** A file opened once describes itself exactly as a probe does, and decodes the same samples as a window decode. */
class OpenAudioTest {
  @TempDir Path dir;
  private final FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();

  @Test
  void anOpenedFileIsDescribedAsTheProbeDescribesItInEveryFormat() throws Exception {
    for (Encoding enc : Encoding.values()) {
      Path file = AudioFixtures.tone(dir, "tone-" + enc.name(), enc, 330, 3.0);
      try (OpenAudio open = decoder.open(file)) {
        assertThat(open.info()).as(enc.name()).isEqualTo(decoder.probe(file));
      }
    }
  }

  @Test
  void aCutShortOrMisnamedFileKeepsItsCaveatsWhenOpenedOnce() throws Exception {
    Path flac = AudioFixtures.tone(dir, "whole", Encoding.FLAC, 440, 6.0);
    for (Path file :
        List.of(
            ImperfectFiles.firstHalf(flac, "half.flac"),
            ImperfectFiles.namedAs(flac, "mp3"),
            ImperfectFiles.claimingTwiceItsLength(flac))) {
      try (OpenAudio open = decoder.open(file)) {
        assertThat(open.info()).as(file.getFileName().toString()).isEqualTo(decoder.probe(file));
      }
    }
  }

  @Test
  void windowsFromAnOpenedFileAreTheSamplesOfAWindowDecode() throws Exception {
    Path mp3 = AudioFixtures.tone(dir, "song", Encoding.MP3, 220, 40.0);
    List<TimeWindow> windows = List.of(new TimeWindow(1.0, 2.0), new TimeWindow(30.0, 3.0));
    try (OpenAudio open = decoder.open(mp3)) {
      List<PcmBuffer> once = open.decodeWindows(16000, windows);
      List<PcmBuffer> apart = decoder.decodeWindows(mp3, 16000, windows);
      for (int i = 0; i < windows.size(); i++) {
        assertThat(once.get(i).samples()).isEqualTo(apart.get(i).samples());
      }
    }
  }

  @Test
  void aWindowDecodedOnceAtTwoRatesIsTheSameAsDecodedAtEachRateAlone() throws Exception {
    Path mp3 = AudioFixtures.tone(dir, "song", Encoding.MP3, 220, 40.0);
    for (TimeWindow w :
        List.of(new TimeWindow(0, 2.0), new TimeWindow(2.0, 2.0), new TimeWindow(31.5, 2.0))) {
      try (OpenAudio open = decoder.open(mp3)) {
        List<PcmBuffer> both = open.decodeWindowAt(w, 44_100, 16_000);
        assertThat(both.get(0).samples()).isEqualTo(decoder.decodeWindow(mp3, 44_100, w).samples());
        assertThat(both.get(1).samples()).isEqualTo(decoder.decodeWindow(mp3, 16_000, w).samples());
      }
    }
  }

  @Test
  void aFileThatIsNotAudioIsRefusedByNameWhenOpened() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.ogg"), "nope");
    assertThatThrownBy(() -> decoder.open(bad))
        .isInstanceOf(AudioFileException.class)
        .hasMessageContaining(bad.toString());
  }
}
