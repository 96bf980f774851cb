package org.musetag.tags;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a file's tag is safe to rewrite, and whether a write left alone what it should have, by Musetag's
 * own readers ({@link Id3Structure}, {@link VorbisStructure}) rather than by the library that writes (see
 * docs/decisions/0008-when-a-tag-is-safe-to-rewrite.md). MP4 files are checked through {@link Mp4Ilst} by the
 * writer itself.
 */
final class TagIntegrity {

  /**
   * A file's tag as Musetag's own reader sees it: whether there is one, its ID3 version (0 for Vorbis comments), the
   * Vorbis vendor string, and every frame or comment in order.
   */
  record Snapshot(boolean present, int id3Major, String vendor, List<RawItem> items) {

    /**
     * The frames or comments that are not managed fields, grouped by id in a stable order: items with the same id
     * keep their order (several COMM frames, several ARTIST comments), while items of different ids may be
     * reordered, as JAudioTagger writes frames in its preferred order.
     */
    List<RawItem> others(Set<TagField> userFields) {
      List<RawItem> out = new ArrayList<>();
      for (RawItem item : items) {
        boolean managed =
            id3Major > 0
                ? Id3ManagedFrames.isManaged(item, id3Major, userFields)
                : VorbisStructure.isManaged(item, userFields);
        if (!managed) {
          out.add(id3Major > 0 ? item : caseFolded(item));
        }
      }
      out.sort(Comparator.comparing(RawItem::id)); // stable
      return out;
    }

    /**
     * A Vorbis comment with its name in capitals: the specification makes names case-insensitive and JAudioTagger
     * writes them in capitals ({@code artist=} becomes {@code ARTIST=}); the value stays byte for byte.
     */
    private static RawItem caseFolded(RawItem comment) {
      String name = comment.id().toUpperCase(java.util.Locale.ROOT);
      byte[] folded = comment.bytes().clone();
      for (int i = 0; i < comment.id().length() && i < folded.length; i++) {
        byte b = folded[i];
        folded[i] = b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
      }
      return new RawItem(name, folded);
    }

    /** What differs between the other tags here and in {@code after}, in words; null when nothing does. */
    String changedIn(Snapshot after, Set<TagField> userFields) {
      if (vendor != null && !vendor.equals(after.vendor)) {
        return "the vendor string";
      }
      List<RawItem> was = others(userFields);
      List<RawItem> now = after.others(userFields);
      String kind = id3Major > 0 ? "frame " : "comment ";
      for (int i = 0; i < Math.max(was.size(), now.size()); i++) {
        if (i >= now.size()) {
          return kind + was.get(i).id() + " would be lost";
        }
        if (i >= was.size()) {
          return kind + now.get(i).id() + " would be added";
        }
        if (!was.get(i).equals(now.get(i))) {
          return was.get(i).id().equals(now.get(i).id())
              ? kind + was.get(i).id() + " would change"
              : kind + was.get(i).id() + " would be lost";
        }
      }
      return null;
    }
  }

  private TagIntegrity() {}

  /**
   * The file's tag, read in full, or a refusal naming the damage when some of it cannot be accounted for; null for
   * formats checked elsewhere (MP4) or that are not written (Opus).
   */
  static Snapshot check(Path file, Path real, TagFormat format) throws TagException, IOException {
    try {
      return read(real, format);
    } catch (TagDamage d) {
      throw new TagException(
          file,
          "cannot write tags: its "
              + kind(format)
              + " is damaged ("
              + d.getMessage()
              + "); nothing was changed",
          d);
    }
  }

  static Snapshot read(Path file, TagFormat format) throws IOException, TagDamage {
    switch (format) {
      case MP3, WAV, AIFF -> {
        Id3Structure.Tag tag = Id3Structure.read(file, format);
        return tag == null
            ? new Snapshot(false, 0, null, List.of())
            : new Snapshot(true, tag.major(), null, tag.frames());
      }
      case FLAC, OGG_VORBIS -> {
        VorbisStructure.Comments c = VorbisStructure.read(file, format);
        return c == null
            ? new Snapshot(false, 0, null, List.of())
            : new Snapshot(true, 0, c.vendor(), c.comments());
      }
      default -> {
        return null;
      }
    }
  }

  static String kind(TagFormat format) {
    return format.family == TagFormat.Family.ID3
        ? "ID3v2 tag"
        : format == TagFormat.FLAC ? "FLAC metadata (Vorbis comments)" : "Vorbis comment header";
  }
}
