package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Musetag's own tag readers account for every byte: each kind of damage has its own words, and no bytes at all
 * (2,000 mutations of a real tag, fixed seed) make them throw anything but {@link TagDamage}.
 */
class TagStructureReadersTest {

  @Test
  void anIntactTagIsReadFrameByFrame() throws Exception {
    Id3Structure.Tag tag = Id3Structure.parse(DamagedTagRefusalTest.richTag(), 0);
    assertThat(tag.major()).isEqualTo(4);
    assertThat(tag.frames())
        .extracting(RawItem::id)
        .containsExactly("TIT2", "TDRC", "TPE1", "APIC", "COMM", "USLT", "TCON", "TXXX");
  }

  @Test
  void eachKindOfId3DamageIsNamed() {
    byte[] tag = DamagedTagRefusalTest.richTag();
    byte[] padding = tag.clone();
    padding[padding.length - 3] = 7;
    assertThatThrownBy(() -> Id3Structure.parse(padding, 0))
        .hasMessageContaining("padding")
        .hasMessageContaining("non-zero bytes at byte " + (padding.length - 3));
    byte[] size = tag.clone();
    size[10 + 4] = 0x7F; // TIT2 claims far more than the tag holds
    assertThatThrownBy(() -> Id3Structure.parse(size, 0))
        .hasMessageContaining("frame 1 ('TIT2') at byte 10 claims");
    byte[] version = tag.clone();
    version[3] = 9;
    assertThatThrownBy(() -> Id3Structure.parse(version, 0)).hasMessageContaining("version 2.9");
  }

  @Test
  void aV24TagWithPlainFrameSizesIsReadWhenThatAccountsForEveryByte() throws Exception {
    byte[] body = new byte[200];
    java.util.Arrays.fill(body, (byte) 'a');
    body[0] = 3;
    ByteBuffer b = ByteBuffer.allocate(10 + 10 + body.length);
    b.put("ID3".getBytes(StandardCharsets.US_ASCII))
        .put((byte) 4)
        .put((byte) 0)
        .put((byte) 0)
        .put(new byte[] {0, 0, 1, (byte) (210 - 128)});
    b.put("TIT2".getBytes(StandardCharsets.US_ASCII))
        .putInt(body.length)
        .putShort((short) 0)
        .put(body);
    assertThat(Id3Structure.parse(b.array(), 0).frames())
        .extracting(RawItem::id)
        .containsExactly("TIT2");
  }

  @Test
  void eachKindOfCommentDamageIsNamed() {
    assertThatThrownBy(() -> comments(2, "A=1"))
        .hasMessageContaining("count says 2 but the block holds only 1");
    assertThatThrownBy(() -> comments(0, "A=1"))
        .hasMessageContaining("7 bytes follow the last of its 0 comments");
  }

  @Test
  void anOggCommentHeaderMayBePaddedWithZerosAfterItsFramingBit() throws Exception {
    byte[] comment = commentBytes(1, "A=1");
    byte[] padded = java.util.Arrays.copyOf(comment, comment.length + 1 + 512);
    padded[comment.length] = 1; // the framing bit; mutagen leaves zeros after it to grow into
    assertThat(VorbisStructure.parse(padded, 0, padded.length, 0, true).comments())
        .extracting(RawItem::id)
        .containsExactly("A");
    padded[padded.length - 1] = 9;
    assertThatThrownBy(() -> VorbisStructure.parse(padded, 0, padded.length, 0, true))
        .hasMessageContaining("512 bytes follow the last of its 1 comments");
  }

  @Test
  void noMutationMakesTheReadersThrowAnythingButTagDamage() {
    Random random = new Random(11);
    byte[] id3 = DamagedTagRefusalTest.richTag();
    byte[] vorbis = commentBytes(3, "ARTIST=piman", "TITLE=Song", "GENRE=rock");
    int damaged = 0;
    for (int i = 0; i < 2000; i++) {
      byte[] a = mutate(id3, random);
      byte[] v = mutate(vorbis, random);
      try {
        Id3Structure.parse(a, 0);
      } catch (TagDamage expected) {
        damaged++;
      }
      try {
        VorbisStructure.parse(v, 0, v.length, 0, false);
      } catch (TagDamage expected) {
        damaged++;
      }
    }
    assertThat(damaged).isGreaterThan(1000);
  }

  private static byte[] mutate(byte[] in, Random random) {
    byte[] out = in.clone();
    switch (random.nextInt(3)) {
      case 0 -> out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
      case 1 -> out = java.util.Arrays.copyOf(out, Math.max(10, random.nextInt(out.length)));
      default -> {
        int at = random.nextInt(out.length - 4);
        ByteBuffer.wrap(out).putInt(at, random.nextBoolean() ? -1 : random.nextInt());
      }
    }
    return out;
  }

  private static VorbisStructure.Comments comments(int count, String... comments) throws TagDamage {
    byte[] b = commentBytes(count, comments);
    return VorbisStructure.parse(b, 0, b.length, 0, false);
  }

  private static byte[] commentBytes(int count, String... comments) {
    ByteBuffer b = ByteBuffer.allocate(1000).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(1).put((byte) 'v').putInt(count);
    for (String c : comments) {
      byte[] bytes = c.getBytes(StandardCharsets.UTF_8);
      b.putInt(bytes.length).put(bytes);
    }
    return java.util.Arrays.copyOf(b.array(), b.position());
  }
}
