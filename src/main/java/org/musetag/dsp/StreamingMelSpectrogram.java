package org.musetag.dsp;

import java.util.ArrayList;
import java.util.List;

/**
 * Incremental {@link MelSpectrogram}: PCM arrives in blocks of any length (decoder chunks, audio-line buffers) and
 * frames come out as soon as their last sample has arrived.
 *
 * <p>Why a separate class: the live view and long files cannot wait for, or hold, the whole signal. The stream keeps
 * only the fewer than {@code fftSize} samples that the next frame still needs, and emits exactly the frames the batch
 * function would emit on the concatenation of all blocks (same values, same order), because each frame is
 * computed by the same code from the same samples. It also handles {@code hop > fftSize}, where samples between
 * frames are skipped.
 *
 * <p>This object is stateful and not thread-safe: use one per stream, from one thread at a time.
 */
public final class StreamingMelSpectrogram {

  /** Receives each frame as it is completed. */
  @FunctionalInterface
  public interface FrameSink {
    /**
     * @param index frame index since the start (or last {@link #reset()}) of the stream
     * @param melDb {@code melBands} dB values; the sink may keep the array
     */
    void frame(long index, float[] melDb);
  }

  private final MelSpectrogram spectrogram;
  private final MelParameters params;
  private final MelSpectrogram.Workspace workspace;
  private final float[] frameBuffer;

  /** Samples {@code [samplesAccepted - pendingLength, samplesAccepted)}; always fewer than {@code fftSize}. */
  private final float[] pending;

  private int pendingLength;
  private long samplesAccepted;
  private long framesEmitted;

  /** A new stream for {@code params}. */
  public StreamingMelSpectrogram(MelParameters params) {
    this.spectrogram = MelSpectrogram.of(params);
    this.params = params;
    this.workspace = spectrogram.new Workspace();
    this.frameBuffer = new float[params.fftSize()];
    this.pending = new float[params.fftSize()];
  }

  /**
   * Accepts the next block and returns the frames it completed.
   *
   * @param block the next samples of the stream (may be empty); not modified or retained
   * @return the completed frames, {@code [n][melBands]} dB, possibly none
   */
  public float[][] accept(float[] block) {
    List<float[]> frames = new ArrayList<>();
    accept(block, (index, row) -> frames.add(row));
    return frames.toArray(new float[0][]);
  }

  /**
   * Accepts the next block and hands each completed frame to {@code sink}, in order.
   *
   * @param block the next samples of the stream (may be empty); not modified or retained
   * @param sink  receives the frames this block completes
   */
  public void accept(float[] block, FrameSink sink) {
    int n = params.fftSize();
    long blockStart = samplesAccepted;
    long blockEnd = blockStart + block.length;
    long pendingStart = blockStart - pendingLength;
    long next = nextFrameStart();
    while (next + n <= blockEnd) {
      int fromPending = (int) Math.max(0, Math.min(n, blockStart - next));
      if (fromPending > 0) {
        System.arraycopy(pending, (int) (next - pendingStart), frameBuffer, 0, fromPending);
      }
      int blockOffset = (int) Math.max(0, next - blockStart);
      System.arraycopy(block, blockOffset, frameBuffer, fromPending, n - fromPending);
      sink.frame(framesEmitted, spectrogram.frame(frameBuffer, 0, workspace));
      framesEmitted++;
      next = nextFrameStart();
    }
    keepTail(block, blockStart, blockEnd, pendingStart, Math.min(next, blockEnd));
    samplesAccepted = blockEnd;
  }

  /** Keeps samples {@code [keepFrom, blockEnd)}, taken from the old pending samples and the new block. */
  private void keepTail(
      float[] block, long blockStart, long blockEnd, long pendingStart, long keepFrom) {
    int length = (int) (blockEnd - keepFrom);
    int fromPending = (int) Math.max(0, blockStart - keepFrom);
    if (fromPending > 0) {
      System.arraycopy(pending, (int) (keepFrom - pendingStart), pending, 0, fromPending);
    }
    int blockOffset = (int) Math.max(0, keepFrom - blockStart);
    System.arraycopy(block, blockOffset, pending, fromPending, length - fromPending);
    pendingLength = length;
  }

  private long nextFrameStart() {
    return framesEmitted * params.hop();
  }

  /** Forgets all samples and restarts frame numbering, e.g. after a seek. */
  public void reset() {
    pendingLength = 0;
    samplesAccepted = 0;
    framesEmitted = 0;
  }

  /** Frames emitted since the start or the last {@link #reset()}. */
  public long framesEmitted() {
    return framesEmitted;
  }

  /** Samples accepted since the start or the last {@link #reset()}. */
  public long samplesAccepted() {
    return samplesAccepted;
  }

  /** The parameters of this stream. */
  public MelParameters parameters() {
    return params;
  }
}
