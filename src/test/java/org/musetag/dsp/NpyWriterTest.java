package org.musetag.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyWriterTest {

  private static final float[][] DATA = {{1f, -2.5f, 3.25f}, {Float.MIN_VALUE, -0f, 1e30f}};

  @Test
  void headerIsVersionOneLittleEndianFloat32InCOrderWithShape() {
    byte[] bytes = NpyWriter.toBytes(DATA);

    assertThat(bytes[0]).isEqualTo((byte) 0x93);
    assertThat(new String(bytes, 1, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("NUMPY");
    assertThat(bytes[6]).isEqualTo((byte) 1);
    assertThat(bytes[7]).isEqualTo((byte) 0);
    NpyTestReader.NpyArray array = NpyTestReader.read(bytes);
    assertThat(array.header())
        .startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }")
        .endsWith("\n");
    assertThat(array.shape()).containsExactly(2, 3);
  }

  @Test
  void dataStartsOnASixtyFourByteBoundary() {
    byte[] bytes = NpyWriter.toBytes(DATA);
    int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();

    assertThat((10 + headerLength) % 64).isZero();
    assertThat(bytes.length).isEqualTo(10 + headerLength + 6 * Float.BYTES);
  }

  @Test
  void valuesRoundTripBitForBit() {
    float[][] back = NpyTestReader.read(NpyWriter.toBytes(DATA)).rows();

    assertThat(back).isDeepEqualTo(DATA);
  }

  @Test
  void writesASpectrogramFileThatReadsBack(@TempDir Path dir) throws Exception {
    float[][] mel =
        MelSpectrogram.compute(MelSpectrogramTest.tone(440, 0.5, 4000), MelParameters.MODEL);
    Path file = dir.resolve("mel.npy");

    try (OutputStream out = Files.newOutputStream(file)) {
      NpyWriter.write(mel, out);
    }

    NpyTestReader.NpyArray array = NpyTestReader.read(Files.readAllBytes(file));
    assertThat(array.shape()).containsExactly(mel.length, 64);
    assertThat(array.rows()).isDeepEqualTo(mel);
  }

  @Test
  void emptySpectrogramKeepsItsColumnCountWhenGiven() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

    NpyWriter.write(new float[0][], 64, out);

    assertThat(NpyTestReader.read(out.toByteArray()).shape()).containsExactly(0, 64);
  }

  @Test
  void rejectsRaggedRows() {
    assertThatThrownBy(() -> NpyWriter.toBytes(new float[][] {{1f, 2f}, {3f}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1");
  }
}
