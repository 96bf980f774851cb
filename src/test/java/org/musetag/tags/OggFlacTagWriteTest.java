package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.FfmpegAudioDecoder;

/** FLAC in Ogg (.oga): its VORBIS_COMMENT header packet is rewritten like OpusTags, the audio left as it was. */
class OggFlacTagWriteTest {
  @TempDir Path dir;
  final TagStore store = new JaudiotaggerTagStore(TagOptions.defaults());

  @Test
  void anOggFlacFileIsTaggedReadBackAndKeepsItsOtherCommentsAndAudio() throws Exception {
    Path file = dir.resolve("song.oga");
    run(
        "ffmpeg",
        "-v",
        "error",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:duration=1",
        "-ac",
        "2",
        "-c:a",
        "flac",
        "-metadata",
        "TITLE=Fixture title é",
        "-metadata",
        "ARTIST=Fixture artist",
        "-f",
        "ogg",
        file.toString());
    assertThat(FormatSniffer.sniff(file)).contains(TagFormat.OGG_FLAC);
    float[] audio = new FfmpegAudioDecoder().decode(file, 8000).samples();
    String payload = AudioPayload.digest(file, TagFormat.OGG_FLAC);

    assertThat(store.canWrite(file)).isTrue();
    assertThat(store.write(file, TagStoreContractTest.ANALYSIS)).isTrue();
    store.write(file, java.util.Map.of(TagField.MOOD, List.of("calm", "x".repeat(70_000))));

    assertThat(store.read(file).get(TagField.GENRE)).containsExactly("electronic", "rock");
    assertThat(store.read(file).get(TagField.MOOD)).containsExactly("calm", "x".repeat(70_000));
    assertThat(new FfmpegAudioDecoder().decode(file, 8000).samples()).isEqualTo(audio);
    assertThat(AudioPayload.digest(file, TagFormat.OGG_FLAC)).isEqualTo(payload);
    String probe =
        run(
            "ffprobe",
            "-v",
            "error",
            "-show_entries",
            "stream_tags=title,artist,genre",
            "-of",
            "default=noprint_wrappers=1",
            file.toString());
    assertThat(probe)
        .contains("TAG:TITLE=Fixture title é")
        .contains("TAG:ARTIST=Fixture artist")
        .contains("TAG:GENRE=electronic");
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }
}
