package org.musetag.bench;

import be.tarsos.dsp.ConstantQ;

/**
 * The key chroma Musetag shipped before {@link org.musetag.dsp.TunedChroma}, kept for the benchmark's comparison:
 * TarsosDSP's constant-Q transform, 36 bins an octave from C2 over five octaves, 8192-sample frames half overlapping,
 * folded to 12 bins from C3 up, log(1 + 10 m), each frame to unit length, summed. Not thread-safe (one transform).
 */
final class ConstantQChroma {
  private static final double C2 = 65.406;
  private static final int BINS_PER_OCTAVE = 36;
  private static final int OCTAVES = 5;

  private final ConstantQ cq;

  ConstantQChroma(int sampleRate) {
    cq =
        new ConstantQ(
            sampleRate, (float) C2, (float) (C2 * Math.pow(2, OCTAVES) * 0.999), BINS_PER_OCTAVE);
  }

  double[] of(float[][] windows) {
    int n = cq.getFFTlength();
    int perSemitone = BINS_PER_OCTAVE / 12;
    int to = Math.min(OCTAVES * BINS_PER_OCTAVE, cq.getNumberOfOutputBands());
    double[] total = new double[12];
    float[] frame = new float[n];
    boolean any = false;
    for (float[] w : windows) {
      for (int start = 0; start + n <= w.length; start += n / 2) {
        System.arraycopy(w, start, frame, 0, n);
        cq.calculateMagintudes(frame);
        float[] mags = cq.getMagnitudes();
        double[] c = new double[12];
        for (int b = BINS_PER_OCTAVE; b < to; b++) {
          c[Math.floorMod(Math.round(b / (float) perSemitone), 12)] += Math.log1p(10 * mags[b]);
        }
        double norm = 0;
        for (double v : c) {
          norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm > 1e-9) {
          any = true;
          for (int i = 0; i < 12; i++) {
            total[i] += c[i] / norm;
          }
        }
      }
    }
    return any ? total : null;
  }
}
