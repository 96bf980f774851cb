package org.musetag.tags;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jaudiotagger.tag.mp4.field.Mp4TagTextField;

/**
 * An MP4 text item with several values, written as one atom holding one {@code data} atom per value. That is the
 * layout mutagen, Picard and TagLib (so kid3, Navidrome, foobar2000) read as a list; JAudioTagger 3.0.1 can only
 * write one value per atom, and repeated atoms are read as one value by TagLib and as the last one by FFmpeg.
 *
 * <p>Handed to JAudioTagger's tag, which calls {@link #getRawContent()} when it builds the metadata list, so the
 * library still does the hard part (resizing {@code moov}, moving chunk offsets).
 */
final class Mp4MultiValueField extends Mp4TagTextField {
  private final List<Mp4Ilst.Data> values;

  /** @param id {@code ©gen} or {@code ----:issuer:name} */
  Mp4MultiValueField(String id, List<String> values) {
    this(
        values.stream()
            .map(v -> new Mp4Ilst.Data(Mp4Ilst.TYPE_UTF8, v.getBytes(StandardCharsets.UTF_8)))
            .toList(),
        id);
  }

  /**
   * An item written back with exactly these data atoms (type and payload): a freeform item JAudioTagger would
   * otherwise re-write as one UTF-8 text, such as a binary (type 0) value another tool stored.
   */
  static Mp4MultiValueField keeping(String id, List<Mp4Ilst.Data> data) {
    return new Mp4MultiValueField(List.copyOf(data), id);
  }

  private Mp4MultiValueField(List<Mp4Ilst.Data> data, String id) {
    super(id, data.get(0).text());
    this.values = data;
  }

  @Override
  public byte[] getRawContent() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String atomType = id;
    if (id.startsWith("----:")) {
      String[] parts = id.split(":", 3);
      atomType = "----";
      box(body, "mean", withVersion(parts[1].getBytes(StandardCharsets.UTF_8)));
      box(body, "name", withVersion(parts[2].getBytes(StandardCharsets.UTF_8)));
    }
    for (Mp4Ilst.Data v : values) {
      ByteBuffer data = ByteBuffer.allocate(8 + v.payload().length);
      data.putInt(v.type()).putInt(0).put(v.payload());
      box(body, "data", data.array());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    box(out, atomType, body.toByteArray());
    return out.toByteArray();
  }

  @Override
  public String getContent() {
    return String.join("; ", values.stream().map(Mp4Ilst.Data::text).toList());
  }

  private static byte[] withVersion(byte[] text) {
    return ByteBuffer.allocate(4 + text.length).putInt(0).put(text).array();
  }

  private static void box(ByteArrayOutputStream out, String type, byte[] content) {
    ByteBuffer header = ByteBuffer.allocate(8).putInt(8 + content.length);
    header.put(type.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(header.array());
    out.writeBytes(content);
  }
}
