package org.musetag.ml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musetag.audio.AudioDecoder;
import org.musetag.audio.AudioFileException;
import org.musetag.audio.PcmBuffer;
import org.musetag.audio.TimeWindow;
import org.musetag.dsp.MelParameters;
import org.musetag.dsp.MelSpectrogram;

/**
 * Classifies one track: decodes the {@link PatchPlan} windows only, computes MelSpec v1 for each, runs the model on
 * them as one batch and averages the patch outputs into an {@link Analysis}. Thread-safe; the predictor passed in
 * belongs to the calling worker.
 */
public final class TrackClassifier {
  private static final MelParameters MEL = MelParameters.MODEL;

  private final AudioDecoder decoder;
  private final PatchModel model;
  private final StageTimes times;

  public TrackClassifier(AudioDecoder decoder, PatchModel model, StageTimes times) {
    this.decoder = decoder;
    this.model = model;
    this.times = times;
  }

  public PatchModel model() {
    return model;
  }

  public Analysis classify(Path file, PatchPredictor predictor) throws AudioFileException, ModelException {
    long t0 = System.nanoTime();
    float[][] windows = decodePatches(file);
    long t1 = System.nanoTime();
    float[][][] patches = new float[windows.length][][];
    for (int i = 0; i < windows.length; i++) {
      patches[i] = MelSpectrogram.compute(windows[i], MEL);
    }
    long t2 = System.nanoTime();
    PatchOutputs out = predictor.predict(patches);
    long t3 = System.nanoTime();
    if (out.genre()[0].length != model.genres().size() || out.quadrant()[0].length != model.quadrants().size()) {
      throw new ModelException(model.id() + " outputs " + out.genre()[0].length + " genres and "
          + out.quadrant()[0].length + " quadrants but its metadata names " + model.genres().size() + " and "
          + model.quadrants().size());
    }
    times.addDecode(t1 - t0);
    times.addFrontEnd(t2 - t1);
    times.addInference(t3 - t2);
    return aggregate(out);
  }

  /** Decodes the patches of {@code file} and nothing else: the decode-only baseline of the classify benchmark. */
  public int decodePatchesForBenchmark(Path file) throws AudioFileException {
    return decodePatches(file).length;
  }

  /** The PCM of every patch, each exactly one patch long (zero-padded at the end of a short track). */
  float[][] decodePatches(Path file) throws AudioFileException {
    int rate = MEL.sampleRate();
    int patchSamples = (int) MEL.samplesForFrames(model.patchFrames());
    long trackSamples = Math.round(decoder.probe(file).durationSeconds() * rate);
    List<TimeWindow> windows = new ArrayList<>();
    for (long start : PatchPlan.starts(trackSamples, patchSamples)) {
      windows.add(new TimeWindow(start / (double) rate, patchSamples / (double) rate));
    }
    List<PcmBuffer> pcm = decoder.decodeWindows(file, rate, windows);
    if (pcm.stream().allMatch(b -> b.samples().length == 0)) {
      throw new AudioFileException(file, "contains no audio where the model listens");
    }
    float[][] out = new float[pcm.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = Arrays.copyOf(pcm.get(i).samples(), patchSamples);
    }
    return out;
  }

  private Analysis aggregate(PatchOutputs out) {
    double[] genre = mean(out.genre());
    double[] quadrant = mean(out.quadrant());
    double[] va = mean(out.va());
    double[] emb = mean(out.embedding());
    List<LabelScore> genres = new ArrayList<>();
    for (int g = 0; g < genre.length; g++) {
      genres.add(new LabelScore(model.genres().get(g), genre[g]));
    }
    genres.sort(Comparator.comparingDouble(LabelScore::p).reversed());
    Map<String, Double> quadrants = new LinkedHashMap<>();
    int best = 0;
    for (int q = 0; q < quadrant.length; q++) {
      quadrants.put(model.quadrants().get(q), quadrant[q]);
      best = quadrant[q] > quadrant[best] ? q : best;
    }
    float[] embedding = new float[emb.length];
    for (int i = 0; i < emb.length; i++) {
      embedding[i] = (float) emb[i];
    }
    return new Analysis(List.copyOf(genres), model.quadrants().get(best), quadrants, va[0], va[1], quadrant[best],
        embedding, model.id());
  }

  private static double[] mean(float[][] rows) {
    double[] m = new double[rows[0].length];
    for (float[] row : rows) {
      for (int j = 0; j < m.length; j++) {
        m[j] += row[j];
      }
    }
    for (int j = 0; j < m.length; j++) {
      m[j] /= rows.length;
    }
    return m;
  }
}
