package org.musetag.tags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The items of an MP4 file's metadata list ({@code moov/udta/meta/ilst}), read directly. Each item may hold several
 * {@code data} atoms; that is how mutagen, Picard and TagLib store several values, and how Musetag writes several
 * genres. JAudioTagger 3.0.1 reads (and re-writes) only the first, so Musetag reads its fields here and uses this
 * list to check that a write kept every other item intact.
 */
final class Mp4Ilst {
  /** UTF-8 text, the type Musetag writes. */
  static final int TYPE_UTF8 = 1;

  static final int TYPE_UTF16 = 2;

  /** One {@code data} atom: its type code and payload (after the type and locale words). */
  record Data(int type, byte[] payload) {
    String text() {
      return new String(
          payload, type == TYPE_UTF16 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Data d && d.type == type && Arrays.equals(d.payload, payload);
    }

    @Override
    public int hashCode() {
      return 31 * type + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
      return "data(type " + type + ", " + payload.length + " bytes)";
    }
  }

  /** One item: {@code ©gen}, {@code trkn}, or {@code ----:mean:name} for freeform atoms, with its data atoms. */
  record Item(String name, List<Data> data) {}

  private Mp4Ilst() {}

  /** The items in file order; empty when the file has no metadata list. */
  static List<Item> read(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      Optional<Mp4Boxes.Box> meta = Mp4Boxes.path(ch, "moov", "udta", "meta");
      if (meta.isEmpty()) {
        return List.of();
      }
      long start = Mp4Boxes.metaChildrenStart(ch, meta.get());
      Optional<Mp4Boxes.Box> ilst =
          Mp4Boxes.children(ch, start, meta.get().end()).stream()
              .filter(b -> b.type().equals("ilst"))
              .findFirst();
      if (ilst.isEmpty()) {
        return List.of();
      }
      List<Item> items = new ArrayList<>();
      for (Mp4Boxes.Box box : Mp4Boxes.children(ch, ilst.get().dataStart(), ilst.get().end())) {
        items.add(item(ch, box));
      }
      return items;
    }
  }

  /** The text values of the items with this name (several atoms or several data atoms alike). */
  static List<String> texts(List<Item> items, String name) {
    List<String> out = new ArrayList<>();
    for (Item item : items) {
      if (item.name().equalsIgnoreCase(name)) {
        for (Data d : item.data()) {
          if (d.type() == TYPE_UTF8 || d.type() == TYPE_UTF16) {
            out.add(d.text());
          }
        }
      }
    }
    return out;
  }

  private static Item item(FileChannel ch, Mp4Boxes.Box box) throws IOException {
    String name = box.type();
    String mean = null;
    String meanName = null;
    List<Data> data = new ArrayList<>();
    for (Mp4Boxes.Box child : Mp4Boxes.children(ch, box.dataStart(), box.end())) {
      if (child.dataSize() < 4 || child.dataSize() > Integer.MAX_VALUE) {
        continue;
      }
      ByteBuffer b = Mp4Boxes.read(ch, child.dataStart(), (int) child.dataSize());
      switch (child.type()) {
        case "mean" -> mean = text(b, 4);
        case "name" -> meanName = text(b, 4);
        case "data" -> {
          int type = b.getInt() & 0x00FF_FFFF;
          byte[] payload = new byte[Math.max(0, b.remaining() - 4)];
          b.position(Math.min(b.limit(), 8));
          b.get(payload);
          data.add(new Data(type, payload));
        }
        default -> {}
      }
    }
    if (name.equals("----")) {
      name = "----:" + mean + ":" + meanName;
    }
    return new Item(name, List.copyOf(data));
  }

  private static String text(ByteBuffer b, int skip) {
    return new String(b.array(), skip, b.limit() - skip, StandardCharsets.UTF_8);
  }
}
