package org.musetag.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * Writes real audio files of known content with FFmpeg (through JavaCV) for tests. Encoding is most of what a
 * fixture costs and many tests ask for the same tone, so each JVM encodes a given signal in a given encoding once
 * and copies that file after: the copy is the file FFmpeg wrote, byte for byte.
 */
public final class AudioFixtures {
  private static final ConcurrentHashMap<String, Path> ENCODED = new ConcurrentHashMap<>();
  private static final Path CACHE = cacheFolder();

  /** The encodings the tests cover: file extension, FFmpeg muxer, encoder, and the sample rate it is written at. */
  public enum Encoding {
    MP3("mp3", "mp3", "libmp3lame", "mp3", 44100),
    FLAC("flac", "flac", "flac", "flac", 44100),
    OGG_VORBIS("ogg", "ogg", "vorbis", "vorbis", 44100),
    OPUS("opus", "ogg", "libopus", "opus", 48000),
    M4A_AAC("m4a", "ipod", "aac", "aac", 44100),
    /** Apple Lossless in the same container as AAC: the tags are the same ilst, the sample table is not. */
    M4A_ALAC("m4a", "ipod", "alac", "alac", 44100),
    WAV("wav", "wav", "pcm_s16le", "pcm_s16le", 22050),
    AIFF("aiff", "aiff", "pcm_s16be", "pcm_s16be", 32000);

    public final String extension;
    final String muxer;
    final String encoder;

    /** The codec name FFmpeg reports when reading the file back. */
    public final String codec;

    public final int sampleRate;

    Encoding(String extension, String muxer, String encoder, String codec, int sampleRate) {
      this.extension = extension;
      this.muxer = muxer;
      this.encoder = encoder;
      this.codec = codec;
      this.sampleRate = sampleRate;
    }
  }

  private AudioFixtures() {}

  /**
   * A stereo file holding a sine tone of {@code hz} at amplitude 0.5 on both channels. FFmpeg's default downmix
   * adds the channels at -3 dB each, so the mono decode has amplitude 0.707 (RMS 0.5).
   */
  public static Path tone(Path dir, String name, Encoding enc, double hz, double seconds)
      throws Exception {
    int n = (int) Math.round(seconds * enc.sampleRate);
    float[] mono = new float[n];
    for (int i = 0; i < n; i++) {
      mono[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / enc.sampleRate));
    }
    return write(dir.resolve(name + "." + enc.extension), enc, mono);
  }

  /** Writes the given mono signal to both channels of a stereo file. */
  public static Path write(Path file, Encoding enc, float[] mono) throws Exception {
    Path encoded;
    try {
      encoded =
          ENCODED.computeIfAbsent(
              enc.name() + "-" + digest(mono),
              key -> {
                try {
                  Path f = CACHE.resolve(key + "." + enc.extension);
                  encode(f, enc, mono);
                  return f;
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
    } catch (IllegalStateException e) {
      throw e.getCause() instanceof Exception x ? x : e;
    }
    Files.copy(encoded, file, StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  /**
   * A key for a signal: its length, CRC-32C and {@link Arrays#hashCode(float[])} (64 bits of two unrelated hashes;
   * two different signals of a test run sharing it is not a real risk, and SHA-256 cost eight times as much).
   */
  private static String digest(float[] mono) {
    ByteBuffer bytes = ByteBuffer.allocate(mono.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(mono);
    CRC32C crc = new CRC32C();
    crc.update(bytes.array());
    return mono.length
        + "-"
        + Long.toHexString(crc.getValue())
        + "-"
        + Integer.toHexString(Arrays.hashCode(mono));
  }

  /** A folder for this JVM's encoded signals, emptied and removed when the JVM ends. */
  private static Path cacheFolder() {
    try {
      Path dir = Files.createTempDirectory("musetag-fixtures-");
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try (var files = Files.list(dir)) {
                      files.forEach(f -> f.toFile().delete());
                      dir.toFile().delete();
                    } catch (IOException ignored) {
                      // the temporary folder is the system's to clean then
                    }
                  }));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void encode(Path file, Encoding enc, float[] mono) throws Exception {
    float[] interleaved = new float[mono.length * 2];
    for (int i = 0; i < mono.length; i++) {
      interleaved[2 * i] = mono[i];
      interleaved[2 * i + 1] = mono[i];
    }
    try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), 2)) {
      rec.setFormat(enc.muxer);
      rec.setAudioCodecName(enc.encoder);
      rec.setSampleRate(enc.sampleRate);
      rec.setAudioChannels(2);
      if (enc == Encoding.MP3 || enc == Encoding.M4A_AAC || enc == Encoding.OGG_VORBIS) {
        rec.setAudioBitrate(128_000);
      }
      if (enc == Encoding.OPUS) {
        rec.setAudioBitrate(96_000);
      }
      if (enc == Encoding.M4A_ALAC) {
        rec.setSampleFormat(
            org.bytedeco
                .ffmpeg
                .global
                .avutil
                .AV_SAMPLE_FMT_S16P); // the ALAC encoder takes no floats
      }
      // FFmpeg's own Vorbis encoder is marked experimental; the JavaCV build has no libvorbis.
      rec.setAudioOption("strict", "experimental");
      rec.setMetadata(
          java.util.Map.of("title", "Fixture " + enc.name(), "artist", "Musetag Tests"));
      rec.start();
      int block = interleaved.length;
      for (int off = 0; off < interleaved.length; off += block) {
        int len = Math.min(block, interleaved.length - off);
        rec.recordSamples(enc.sampleRate, 2, FloatBuffer.wrap(interleaved, off, len).slice());
      }
      rec.stop();
    }
  }
}
