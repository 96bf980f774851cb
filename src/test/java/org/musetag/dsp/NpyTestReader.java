package org.musetag.dsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Minimal .npy reader for tests: version 1.0, little-endian float32, C order, any rank. */
final class NpyTestReader {

  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

  /** A parsed array: its header dictionary, shape and values in C order. */
  record NpyArray(String header, int[] shape, float[] data) {
    float[][] rows() {
      if (shape.length != 2) {
        throw new IllegalStateException("not 2-D: " + Arrays.toString(shape));
      }
      float[][] rows = new float[shape[0]][];
      for (int i = 0; i < shape[0]; i++) {
        rows[i] = Arrays.copyOfRange(data, i * shape[1], (i + 1) * shape[1]);
      }
      return rows;
    }
  }

  private NpyTestReader() {}

  static NpyArray read(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[6];
    buffer.get(magic);
    if (magic[0] != (byte) 0x93
        || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
      throw new IllegalArgumentException("not an .npy file");
    }
    int major = buffer.get();
    int minor = buffer.get();
    if (major != 1 || minor != 0) {
      throw new IllegalArgumentException("unsupported version " + major + "." + minor);
    }
    int headerLength = Short.toUnsignedInt(buffer.getShort());
    byte[] headerBytes = new byte[headerLength];
    buffer.get(headerBytes);
    String header = new String(headerBytes, StandardCharsets.US_ASCII);
    String descr = group(DESCR, header);
    if (!descr.equals("<f4") || !group(FORTRAN, header).equals("False")) {
      throw new IllegalArgumentException("expected C-order '<f4', header: " + header);
    }
    int[] shape =
        Arrays.stream(group(SHAPE, header).split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .mapToInt(Integer::parseInt)
            .toArray();
    int count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    float[] data = new float[count];
    buffer.asFloatBuffer().get(data);
    if (buffer.remaining() != count * Float.BYTES) {
      throw new IllegalArgumentException(
          "expected " + count + " floats, file has " + buffer.remaining() + " bytes");
    }
    return new NpyArray(header, shape, data);
  }

  static NpyArray readResource(String name) {
    try (InputStream in = NpyTestReader.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("missing test resource " + name);
      }
      return read(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String group(Pattern pattern, String header) {
    Matcher matcher = pattern.matcher(header);
    if (!matcher.find()) {
      throw new IllegalArgumentException("header lacks " + pattern + ": " + header);
    }
    return matcher.group(1);
  }
}
