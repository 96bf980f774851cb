package org.musetag.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.musetag.audio.AudioFixtures.Encoding;

/**
 * Musetag's decode equals {@code ffmpeg -i F -ac 1 -ar 16000 -f f32le -}, the command the model training decodes
 * with. Needs the ffmpeg command (Debian package {@code ffmpeg}; {@code .ci/run} installs it), skipped without it.
 */
public class FfmpegCommandLineParityTest {
  private static final int RATE = 16000;
  private final AudioDecoder decoder = new FfmpegAudioDecoder();

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void decodesLikeTheFfmpegCommandLine(Encoding enc) throws Exception {
    assumeTrue(ffmpegAvailable(), "the ffmpeg command is not installed");
    Path file =
        AudioFixtures.write(
            dir.resolve("noise." + enc.extension),
            enc,
            FfmpegAudioDecoderTest.noise(enc.sampleRate, 6));

    float[] ours = decoder.decode(file, RATE).samples();
    float[] theirs = ffmpegDecode(file);

    assertThat(ours).hasSameSizeAs(theirs);
    assertThat(FfmpegAudioDecoderTest.maxDifference(theirs, 0, ours, 0)).isLessThan(1e-5);
  }

  public static boolean ffmpegAvailable() {
    try {
      return new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).start().waitFor()
          == 0;
    } catch (Exception e) {
      return false;
    }
  }

  public static float[] ffmpegDecode(Path file) throws Exception {
    Process p =
        new ProcessBuilder(
                "ffmpeg",
                "-nostdin",
                "-v",
                "error",
                "-i",
                file.toString(),
                "-ac",
                "1",
                "-ar",
                String.valueOf(RATE),
                "-f",
                "f32le",
                "-")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] raw = p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
    float[] out = new float[raw.length / 4];
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }
}
