package org.musetag.ml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.musetag.audio.AudioDecoder;
import org.musetag.audio.AudioFileException;
import org.musetag.audio.AudioInfo;
import org.musetag.audio.OpenAudio;
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

  public Analysis classify(Path file, PatchPredictor predictor)
      throws AudioFileException, ModelException {
    return hear(file, predictor).analysis();
  }

  /**
   * What the model made of a track, and the log-mel frames it heard ({@code [frames][bands]}, its patches one after
   * another in time order), so a view that shows them does not decode the file and compute them again.
   */
  public record Heard(Analysis analysis, float[][] mel) {}

  /** As {@link #classify}, keeping the mel frames the model heard. */
  public Heard hear(Path file, PatchPredictor predictor) throws AudioFileException, ModelException {
    long t0 = System.nanoTime();
    Patches heard = decodePatches(file);
    float[][] windows = heard.pcm();
    long t1 = System.nanoTime();
    float[][][] patches = new float[windows.length][][];
    for (int i = 0; i < windows.length; i++) {
      patches[i] = MelSpectrogram.compute(windows[i], MEL);
    }
    long t2 = System.nanoTime();
    PatchOutputs out = predictor.predict(patches);
    long t3 = System.nanoTime();
    if (out.genre()[0].length != model.genres().size()
        || out.quadrant()[0].length != model.quadrants().size()) {
      throw new ModelException(
          model.id()
              + " outputs "
              + out.genre()[0].length
              + " genres and "
              + out.quadrant()[0].length
              + " quadrants but its metadata names "
              + model.genres().size()
              + " and "
              + model.quadrants().size());
    }
    times.addDecode(t1 - t0);
    times.addFrontEnd(t2 - t1);
    times.addInference(t3 - t2);
    return new Heard(aggregate(out, heard.notes()), inTimeOrder(patches));
  }

  private static float[][] inTimeOrder(float[][][] patches) {
    List<float[]> frames = new ArrayList<>();
    for (float[][] patch : patches) {
      frames.addAll(Arrays.asList(patch));
    }
    return frames.toArray(new float[0][]);
  }

  /** Decodes the patches of {@code file} and nothing else: the decode-only baseline of the classify benchmark. */
  public int decodePatchesForBenchmark(Path file) throws AudioFileException {
    return decodePatches(file).pcm().length;
  }

  /** The PCM of every patch, and what the listener should know about the file (see {@link Analysis#notes()}). */
  record Patches(float[][] pcm, List<String> notes) {}

  /**
   * The PCM of every patch, each exactly one patch long (zero-padded at the end of a short track). The patches are
   * planned over the audio that is there: a file holding less than its header declares (cut short, or a header
   * that overstates) is heard on what it holds, as a player would play it, and the notes say so.
   */
  Patches decodePatches(Path file) throws AudioFileException {
    // One opening gives the duration the patches are planned on and the patches' audio.
    try (OpenAudio open = decoder.open(file)) {
      return decodePatches(file, open);
    }
  }

  private Patches decodePatches(Path file, OpenAudio open) throws AudioFileException {
    int rate = MEL.sampleRate();
    int patchSamples = (int) MEL.samplesForFrames(model.patchFrames());
    AudioInfo info = open.info();
    double seconds = info.durationSeconds();
    String shortfall = info.truncation();
    List<PcmBuffer> pcm;
    try {
      pcm = open.decodeWindows(rate, windows(seconds, rate, patchSamples));
    } catch (AudioFileException e) {
      double end = e.audioEndsAt().orElse(Double.NaN);
      if (!(end < seconds)) {
        throw e;
      }
      // The header promised more than the file holds and the probe could not tell: plan again
      // within the audio.
      shortfall =
          String.format(
              Locale.ROOT, "holds only %.1f s of the %.1f s of audio it declares", end, seconds);
      seconds = end;
      pcm = open.decodeWindows(rate, windows(seconds, rate, patchSamples));
    }
    if (pcm.stream().allMatch(b -> b.samples().length == 0)) {
      throw new AudioFileException(file, "contains no audio where the model listens");
    }
    List<String> notes = new ArrayList<>(info.caveats());
    notes.remove(info.truncation());
    if (shortfall != null) {
      notes.add(
          0, String.format(Locale.ROOT, "%s (analysed on the %.1f s there)", shortfall, seconds));
    }
    float[][] out = new float[pcm.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = Arrays.copyOf(pcm.get(i).samples(), patchSamples);
    }
    return new Patches(out, List.copyOf(notes));
  }

  private static List<TimeWindow> windows(double seconds, int rate, int patchSamples) {
    long trackSamples = Math.round(seconds * rate);
    List<TimeWindow> windows = new ArrayList<>();
    for (long start : PatchPlan.starts(trackSamples, patchSamples)) {
      windows.add(new TimeWindow(start / (double) rate, patchSamples / (double) rate));
    }
    return windows;
  }

  private Analysis aggregate(PatchOutputs out, List<String> notes) {
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
    return new Analysis(
        List.copyOf(genres),
        model.quadrants().get(best),
        quadrants,
        va[0],
        va[1],
        quadrant[best],
        embedding,
        model.id(),
        notes);
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
