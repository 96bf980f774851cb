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
  private final List<String> values;

  /** @param id {@code ©gen} or {@code ----:issuer:name} */
  Mp4MultiValueField(String id, List<String> values) {
    super(id, values.get(0));
    this.values = List.copyOf(values);
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
    for (String v : values) {
      byte[] text = v.getBytes(StandardCharsets.UTF_8);
      ByteBuffer data = ByteBuffer.allocate(8 + text.length);
      data.putInt(Mp4Ilst.TYPE_UTF8).putInt(0).put(text);
      box(body, "data", data.array());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    box(out, atomType, body.toByteArray());
    return out.toByteArray();
  }

  @Override
  public String getContent() {
    return String.join("; ", values);
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
