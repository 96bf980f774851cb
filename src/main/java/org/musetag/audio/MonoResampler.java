package org.musetag.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;

import java.nio.FloatBuffer;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Downmixes interleaved float PCM to mono and resamples it with FFmpeg's swresample at its default settings, the
 * same conversion {@code ffmpeg -ac 1 -ar R} applies. One instance per stretch of audio: a fresh instance after a
 * seek starts with an empty filter history, so its first output sample lines up with its first input sample.
 */
final class MonoResampler implements AutoCloseable {
  private final int inChannels;
  private final SwrContext swr;
  private FloatPointer in = new FloatPointer(0L);
  private FloatPointer out = new FloatPointer(0L);
  private final float[] chunk = new float[8192];
  private float[] copy = new float[0];

  private long dropOutput;

  /** @param dropOutput number of output samples to discard first (see {@link ResampleGrid}) */
  MonoResampler(int inRate, int inChannels, int outRate, long dropOutput) {
    this.inChannels = inChannels;
    this.dropOutput = dropOutput;
    AVChannelLayout inLayout = new AVChannelLayout();
    AVChannelLayout outLayout = new AVChannelLayout();
    avutil.av_channel_layout_default(inLayout, inChannels);
    avutil.av_channel_layout_default(outLayout, 1);
    SwrContext ctx = new SwrContext((Pointer) null);
    int ret =
        swresample.swr_alloc_set_opts2(
            ctx,
            outLayout,
            AV_SAMPLE_FMT_FLT,
            outRate,
            inLayout,
            AV_SAMPLE_FMT_FLT,
            inRate,
            0,
            null);
    if (ret < 0 || ctx == null || ctx.isNull() || swresample.swr_init(ctx) < 0) {
      throw new IllegalStateException(
          "cannot set up resampling from "
              + inRate
              + " Hz x"
              + inChannels
              + " to "
              + outRate
              + " Hz mono");
    }
    this.swr = ctx;
  }

  /** Converts {@code interleaved} (whole frames of {@code inChannels} samples) and appends the result. */
  void convert(FloatBuffer interleaved, SampleAccumulator acc) {
    int frames = interleaved.remaining() / inChannels;
    if (frames == 0) {
      return;
    }
    FloatBuffer src = interleaved.duplicate();
    if (in.capacity() < (long) frames * inChannels) {
      in.close();
      in = new FloatPointer((long) frames * inChannels);
    }
    if (copy.length < frames * inChannels) {
      copy = new float[frames * inChannels];
    }
    src.get(copy, 0, frames * inChannels);
    in.position(0).put(copy, 0, frames * inChannels);
    in.position(0);
    run(in, frames, acc);
  }

  /** Drains what the filter still holds; call once at the end of the stream. */
  void flush(SampleAccumulator acc) {
    run(null, 0, acc);
  }

  private void run(FloatPointer input, int frames, SampleAccumulator acc) {
    int capacity = swresample.swr_get_out_samples(swr, frames) + 16;
    if (out.capacity() < capacity) {
      out.close();
      out = new FloatPointer(capacity);
    }
    int produced;
    // PointerPointer(Pointer) would reinterpret the floats as pointers; build one-element pointer
    // arrays instead.
    try (PointerPointer<FloatPointer> outs = new PointerPointer<FloatPointer>(1L).put(0, out);
        PointerPointer<FloatPointer> ins =
            input == null ? null : new PointerPointer<FloatPointer>(1L).put(0, input)) {
      produced = swresample.swr_convert(swr, outs, capacity, ins, frames);
    }
    if (produced < 0) {
      throw new IllegalStateException("resampling failed (" + produced + ")");
    }
    int first = (int) Math.min(dropOutput, produced);
    dropOutput -= first;
    for (int off = first; off < produced && !acc.isFull(); off += chunk.length) {
      int n = Math.min(chunk.length, produced - off);
      out.position(off).get(chunk, 0, n);
      acc.append(FloatBuffer.wrap(chunk, 0, n));
    }
    out.position(0);
  }

  @Override
  public void close() {
    swresample.swr_free(swr);
    in.close();
    out.close();
  }
}
