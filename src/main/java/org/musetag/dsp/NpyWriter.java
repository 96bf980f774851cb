package org.musetag.dsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a spectrogram as a NumPy {@code .npy} file: format version 1.0, dtype {@code '<f4'} (little-endian
 * float32), C order, shape {@code (frames, mels)}.
 *
 * <p>Why: the training scripts and notebooks read features with {@code numpy.load}, so exporting the Java front-end's
 * output in this format lets anyone compare it with {@code melspec.py} directly. The header is padded with spaces
 * and ends in a newline so that the data starts at a multiple of 64 bytes, as numpy itself writes it.
 */
public final class NpyWriter {

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
  private static final int ALIGNMENT = 64;

  private NpyWriter() {}

  /**
   * Writes {@code rows} (all of equal length) to {@code out}; the stream is flushed, not closed. An empty array is
   * written with shape {@code (0, 0)}; use {@link #write(float[][], int, OutputStream)} to keep the column count.
   */
  public static void write(float[][] rows, OutputStream out) throws IOException {
    write(rows, rows.length == 0 ? 0 : rows[0].length, out);
  }

  /**
   * Writes {@code rows} with shape {@code (rows.length, columns)} to {@code out}; flushed, not closed.
   *
   * @throws IllegalArgumentException if a row's length differs from {@code columns}
   */
  public static void write(float[][] rows, int columns, OutputStream out) throws IOException {
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != columns) {
        throw new IllegalArgumentException(
            "row " + i + " has " + rows[i].length + " values, expected " + columns);
      }
    }
    out.write(MAGIC);
    byte[] header = header(rows.length, columns).getBytes(StandardCharsets.US_ASCII);
    out.write(header.length & 0xFF);
    out.write(header.length >>> 8);
    out.write(header);
    ByteBuffer row = ByteBuffer.allocate(columns * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] values : rows) {
      row.clear();
      row.asFloatBuffer().put(values);
      out.write(row.array(), 0, row.capacity());
    }
    out.flush();
  }

  /** The complete {@code .npy} file contents for {@code rows}. */
  public static byte[] toBytes(float[][] rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(rows, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory write failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * The header dictionary, space-padded and newline-terminated so that magic, version, length field and header
   * together fill a multiple of {@value #ALIGNMENT} bytes.
   */
  static String header(int rows, int columns) {
    String dict =
        "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
    int prefix = MAGIC.length + 2;
    int unpadded = prefix + dict.length() + 1;
    int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
    return dict + " ".repeat(padding) + "\n";
  }
}
