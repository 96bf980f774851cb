package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.mp4.Mp4Tag;
import org.jaudiotagger.tag.mp4.field.Mp4TagTextField;
import org.junit.jupiter.api.Test;
import org.musetag.audio.AudioFixtures.Encoding;

/** M4A: one ©gen atom and one freeform atom per field, each holding one data atom per value. */
class M4aTagStoreTest extends TagStoreContractTest {
  @Override
  Encoding encoding() {
    return Encoding.M4A_AAC;
  }

  @Override
  void assertStoredAsTheGuideSays(Path tagged) throws Exception {
    List<Mp4Ilst.Item> items = Mp4Ilst.read(tagged);
    assertThat(items)
        .filteredOn(i -> i.name().equals("\u00a9gen"))
        .singleElement()
        .satisfies(
            i ->
                assertThat(i.data())
                    .extracting(Mp4Ilst.Data::text)
                    .containsExactly("electronic", "rock"));
    assertThat(items)
        .filteredOn(i -> i.name().equals("----:com.apple.iTunes:MOOD"))
        .singleElement()
        .satisfies(
            i ->
                assertThat(i.data())
                    .extracting(Mp4Ilst.Data::text)
                    .containsExactly("happy", "energetic"));
    assertThat(Mp4Ilst.texts(items, "----:com.apple.iTunes:VALENCE")).containsExactly("0.250");
    assertThat(Mp4Ilst.texts(items, "----:com.apple.iTunes:AROUSAL")).containsExactly("-0.125");
    assertThat(Mp4Ilst.texts(items, "----:com.apple.iTunes:MOODMODEL"))
        .containsExactly("musetag-base@1.0.0");
  }

  @Test
  void freeformItemsThatAreNotOneUtf8TextAreKeptByteForByte() throws Exception {
    addRawFreeform(file, "BINARY_BLOB", 0, new byte[] {0, 1, 2, (byte) 0xFF});
    addRawFreeform(file, "UTF16_NOTE", 2, "naïve".getBytes(StandardCharsets.UTF_16BE));
    List<Mp4Ilst.Item> before = Mp4Ilst.read(file);

    assertThat(store.write(file, ANALYSIS)).isTrue();

    List<Mp4Ilst.Item> after = Mp4Ilst.read(file);
    for (String name :
        List.of("----:com.apple.iTunes:BINARY_BLOB", "----:com.apple.iTunes:UTF16_NOTE")) {
      assertThat(after)
          .filteredOn(i -> i.name().equals(name))
          .extracting(Mp4Ilst.Item::data)
          .containsExactlyElementsOf(
              before.stream().filter(i -> i.name().equals(name)).map(Mp4Ilst.Item::data).toList());
    }
    assertThat(store.read(file)).isEqualTo(new TagValues(ANALYSIS));
    assertThat(store.write(file, Map.of(TagField.GENRE, List.of("jazz")))).isTrue();
  }

  @Test
  void aStandardTextItemWithSeveralValuesKeepsThemAll() throws Exception {
    AudioFile audio = AudioFileIO.read(file.toFile());
    Mp4Tag tag = (Mp4Tag) audio.getTag();
    tag.deleteField("\u00a9ART");
    tag.addField(new Mp4MultiValueField("\u00a9ART", List.of("piman", "jzig")));
    audio.commit();
    List<Mp4Ilst.Data> before =
        Mp4Ilst.read(file).stream()
            .filter(i -> i.name().equals("\u00a9ART"))
            .findFirst()
            .orElseThrow()
            .data();
    assertThat(before).hasSize(2);

    assertThat(store.write(file, ANALYSIS)).isTrue();

    assertThat(Mp4Ilst.read(file))
        .filteredOn(i -> i.name().equals("\u00a9ART"))
        .singleElement()
        .satisfies(i -> assertThat(i.data()).containsExactlyElementsOf(before));
    assertThat(store.read(file)).isEqualTo(new TagValues(ANALYSIS));
  }

  /** Adds a freeform item with one data atom of the given type, as iTunes or another tool may leave it. */
  private static void addRawFreeform(Path file, String name, int type, byte[] payload)
      throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    box(
        body,
        "mean",
        ByteBuffer.allocate(4 + 16)
            .putInt(0)
            .put("com.apple.iTunes".getBytes(StandardCharsets.UTF_8))
            .array());
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    box(body, "name", ByteBuffer.allocate(4 + n.length).putInt(0).put(n).array());
    box(
        body,
        "data",
        ByteBuffer.allocate(8 + payload.length).putInt(type).putInt(0).put(payload).array());
    ByteArrayOutputStream atom = new ByteArrayOutputStream();
    box(atom, "----", body.toByteArray());
    AudioFile audio = AudioFileIO.read(file.toFile());
    Mp4Tag tag = (Mp4Tag) audio.getTag();
    tag.addField(
        new Mp4TagTextField("----:com.apple.iTunes:" + name, "raw") {
          @Override
          public byte[] getRawContent() {
            return atom.toByteArray();
          }
        });
    audio.commit();
  }

  private static void box(ByteArrayOutputStream out, String type, byte[] content) {
    out.writeBytes(
        ByteBuffer.allocate(8)
            .putInt(8 + content.length)
            .put(type.getBytes(StandardCharsets.ISO_8859_1))
            .array());
    out.writeBytes(content);
  }
}
