package org.musetag.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamingMelSpectrogramTest {

  private static float[] noise(int samples, long seed) {
    Random random = new Random(seed);
    float[] pcm = new float[samples];
    for (int i = 0; i < samples; i++) {
      pcm[i] = (float) (0.3 * random.nextGaussian());
    }
    return pcm;
  }

  private static float[][] streamInRandomBlocks(
      MelParameters p, float[] pcm, long seed, int maxBlock) {
    Random random = new Random(seed);
    StreamingMelSpectrogram stream = new StreamingMelSpectrogram(p);
    List<float[]> frames = new ArrayList<>();
    int offset = 0;
    while (offset < pcm.length) {
      int length = Math.min(pcm.length - offset, random.nextInt(maxBlock + 1));
      frames.addAll(Arrays.asList(stream.accept(Arrays.copyOfRange(pcm, offset, offset + length))));
      offset += length;
    }
    assertThat(stream.samplesAccepted()).isEqualTo(pcm.length);
    assertThat(stream.framesEmitted()).isEqualTo(frames.size());
    return frames.toArray(new float[0][]);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 100, 256, 511, 513, 3000, 20000})
  void randomBlockSizesGiveExactlyTheBatchFrames(int maxBlock) {
    float[] pcm = noise(16_000 + 123, maxBlock);

    float[][] streamed = streamInRandomBlocks(MelParameters.MODEL, pcm, 42L + maxBlock, maxBlock);

    assertThat(streamed).isDeepEqualTo(MelSpectrogram.compute(pcm, MelParameters.MODEL));
  }

  @Test
  void hopLongerThanTheFrameSkipsSamplesLikeTheBatchFunction() {
    MelParameters sparse = new MelParameters(16_000, 256, 400, 32, 0, 8000, 1e-10);
    float[] pcm = noise(10_000, 5);

    float[][] streamed = streamInRandomBlocks(sparse, pcm, 9, 300);

    assertThat(streamed).isDeepEqualTo(MelSpectrogram.compute(pcm, sparse));
  }

  @Test
  void sinkReceivesConsecutiveFrameIndices() {
    StreamingMelSpectrogram stream = new StreamingMelSpectrogram(MelParameters.MODEL);
    List<Long> indices = new ArrayList<>();
    float[] pcm = noise(4096, 1);

    stream.accept(Arrays.copyOfRange(pcm, 0, 1000), (index, row) -> indices.add(index));
    stream.accept(new float[0], (index, row) -> indices.add(index));
    stream.accept(Arrays.copyOfRange(pcm, 1000, 4096), (index, row) -> indices.add(index));

    assertThat(indices)
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
  }

  @Test
  void blocksShorterThanAFrameEmitNothingUntilTheFrameIsComplete() {
    StreamingMelSpectrogram stream = new StreamingMelSpectrogram(MelParameters.MODEL);

    assertThat(stream.accept(new float[511])).isEmpty();
    assertThat(stream.accept(new float[1])).hasNumberOfRows(1);
    assertThat(stream.accept(new float[255])).isEmpty();
    assertThat(stream.accept(new float[1])).hasNumberOfRows(1);
  }

  @Test
  void resetStartsAFreshStream() {
    float[] pcm = noise(3000, 3);
    StreamingMelSpectrogram stream = new StreamingMelSpectrogram(MelParameters.MODEL);
    stream.accept(noise(700, 4));

    stream.reset();

    assertThat(stream.framesEmitted()).isZero();
    assertThat(stream.accept(pcm)).isDeepEqualTo(MelSpectrogram.compute(pcm, MelParameters.MODEL));
  }
}
