package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ogg's page checksum, four bytes a step, against the definition (one bit a step) and the catalogue's check value. */
class OggPageCrcTest {
  /** The definition: polynomial 0x04c11db7 shifted in MSB first, initial value 0, no final inversion. */
  private static int bitwise(int crc, byte[] data) {
    for (byte b : data) {
      crc ^= (b & 0xFF) << 24;
      for (int bit = 0; bit < 8; bit++) {
        crc = crc < 0 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
      }
    }
    return crc;
  }

  @Test
  void theCheckValueOfTheCatalogue() {
    // CRC-32 with Ogg's parameters of the ASCII digits 1..9 (the usual check string)
    assertThat(OggPage.crc(0, "123456789".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(0x89a1897f);
  }

  @Test
  void everyLengthAndAnyStartingValueAgreeWithTheDefinition() {
    Random random = new Random(7);
    for (int length = 0; length < 70; length++) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      int start = random.nextInt();
      assertThat(OggPage.crc(start, data)).as("%d bytes", length).isEqualTo(bitwise(start, data));
    }
    byte[] page = new byte[65_307]; // the largest page: 27 + 255 lacing values + 255 × 255 bytes
    random.nextBytes(page);
    assertThat(OggPage.crc(0, page)).isEqualTo(bitwise(0, page));
  }
}
