package org.musetag.fuzz;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Damaged copies of real, richly tagged audio files, made the same way on every run (a fixed seed): for each base
 * file, bit flips (mostly in the first 8 KiB, where headers and tags live), cut tails, and length fields inflated to
 * claims the file cannot hold (see {@link LengthFields}).
 */
final class FuzzCorpus {

  /** One base format: the name of its file and the ffmpeg encoder options that make it. */
  record Base(String name, List<String> codec) {}

  static final List<Base> BASES =
      List.of(
          new Base("base.mp3", List.of("-c:a", "libmp3lame", "-b:a", "96k")),
          new Base("base.flac", List.of("-c:a", "flac")),
          new Base("base.ogg", List.of("-c:a", "vorbis", "-strict", "experimental")),
          new Base("base.opus", List.of("-c:a", "libopus", "-b:a", "64k", "-ar", "48000")),
          new Base("base.m4a", List.of("-c:a", "aac", "-b:a", "96k")),
          new Base("base-alac.m4a", List.of("-c:a", "alac")),
          new Base("base.wav", List.of("-c:a", "pcm_s16le")),
          new Base("base.aiff", List.of("-c:a", "pcm_s16be")));

  private FuzzCorpus() {}

  /** Writes the base files into {@code dir} with ffmpeg and gives them a user's tags with mutagen. */
  static List<Path> bases(Path dir) throws IOException, InterruptedException {
    List<Path> out = new ArrayList<>();
    for (Base base : BASES) {
      Path file = dir.resolve(base.name());
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  "ffmpeg",
                  "-v",
                  "error",
                  "-y",
                  "-f",
                  "lavfi",
                  "-i",
                  "sine=frequency=330:duration=4",
                  "-f",
                  "lavfi",
                  "-i",
                  "anoisesrc=duration=4:amplitude=0.05:seed=7",
                  "-filter_complex",
                  "amix=inputs=2",
                  "-ac",
                  "2"));
      cmd.addAll(base.codec());
      if (!base.codec().contains("-ar")) {
        cmd.addAll(List.of("-ar", "44100"));
      }
      cmd.add(file.toString());
      Tools.run(cmd, null);
      out.add(file);
    }
    Path cover = dir.resolve("cover.png");
    Tools.run(
        List.of(
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "color=c=orange:s=8x8",
            "-frames:v",
            "1",
            cover.toString()),
        null);
    List<String> tag =
        new ArrayList<>(
            List.of(
                "/usr/bin/python3", Tools.script("add_user_tags.py").toString(), cover.toString()));
    out.forEach(p -> tag.add(p.toString()));
    Tools.run(tag, null);
    Files.delete(cover);
    return out;
  }

  /**
   * An undamaged copy of each base (named {@code -clean}, which every run must be able to tag) and {@code perBase}
   * damaged copies, in {@code into}, named for the base and the damage.
   */
  static List<Path> mutate(List<Path> bases, Path into, int perBase, long seed) throws IOException {
    Files.createDirectories(into);
    Random random = new Random(seed);
    List<Path> out = new ArrayList<>();
    for (Path base : bases) {
      byte[] original = Files.readAllBytes(base);
      List<LengthFields.Field> fields = LengthFields.of(original);
      String name = base.getFileName().toString();
      String stem = name.substring(0, name.lastIndexOf('.'));
      String ext = name.substring(name.lastIndexOf('.'));
      out.add(Files.write(into.resolve(stem + "-clean" + ext), original));
      for (int i = 0; i < perBase; i++) {
        byte[] bytes = original.clone();
        String kind;
        switch (i % 3) {
          case 0 -> {
            kind = "flip";
            flipBits(bytes, random);
          }
          case 1 -> {
            kind = "cut";
            bytes =
                java.util.Arrays.copyOf(bytes, 1 + random.nextInt(Math.max(1, bytes.length - 1)));
          }
          default -> {
            kind = "inflate";
            if (!fields.isEmpty()) {
              inflate(bytes, fields.get(random.nextInt(fields.size())), random);
            } else {
              flipBits(bytes, random);
            }
          }
        }
        Path file = into.resolve(String.format("%s-%03d-%s%s", stem, i, kind, ext));
        Files.write(file, bytes);
        out.add(file);
      }
    }
    return out;
  }

  private static void flipBits(byte[] bytes, Random random) {
    int flips = 1 + random.nextInt(8);
    for (int k = 0; k < flips; k++) {
      int span = random.nextInt(10) < 7 ? Math.min(bytes.length, 8192) : bytes.length;
      int at = random.nextInt(span);
      bytes[at] ^= (byte) (1 << random.nextInt(8));
    }
  }

  /** Sets a length field to a claim the file cannot hold, or to a plausible lie a little off. */
  private static void inflate(byte[] bytes, LengthFields.Field field, Random random) {
    long max = field.syncsafe() ? 0x0FFF_FFFFL : (1L << (8 * field.width())) - 1;
    long value =
        switch (random.nextInt(4)) {
          case 0 -> max;
          case 1 -> Math.min(max, 0x7FFF_FFF0L);
          case 2 -> Math.min(max, (long) bytes.length * 2);
          default -> Math.min(max, read(bytes, field) + 1 + random.nextInt(64));
        };
    write(bytes, field, value);
  }

  private static long read(byte[] bytes, LengthFields.Field f) {
    long v = 0;
    for (int i = 0; i < f.width(); i++) {
      int b =
          bytes[f.offset() + (f.order() == ByteOrder.BIG_ENDIAN ? i : f.width() - 1 - i)] & 0xFF;
      v = f.syncsafe() ? (v << 7) | (b & 0x7F) : (v << 8) | b;
    }
    return v;
  }

  private static void write(byte[] bytes, LengthFields.Field f, long value) {
    for (int i = 0; i < f.width(); i++) {
      int shift = f.syncsafe() ? 7 * (f.width() - 1 - i) : 8 * (f.width() - 1 - i);
      int b = (int) ((value >>> shift) & (f.syncsafe() ? 0x7F : 0xFF));
      bytes[f.offset() + (f.order() == ByteOrder.BIG_ENDIAN ? i : f.width() - 1 - i)] = (byte) b;
    }
  }
}
