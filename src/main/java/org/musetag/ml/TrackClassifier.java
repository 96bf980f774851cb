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
import org.musetag.dsp.KeyEstimator;
import org.musetag.dsp.MelParameters;
import org.musetag.dsp.MelSpectrogram;
import org.musetag.dsp.TempoEstimator;
import org.musetag.dsp.TempoKey;

/**
 * Classifies one track: decodes the {@link PatchPlan} windows only (one opening of the file), runs the model on them
 * as one batch and turns its outputs into an {@link Analysis}. For a MelSpec v1 model it computes MelSpec v1 for each
 * window and averages the patch outputs; a waveform model gets the windows' PCM as they are and answers per track
 * (it pools its windows inside the graph), so its outputs are taken as they are. Thread-safe; the predictor passed
 * in belongs to the calling worker.
 *
 * <p>Tempo and key ({@link TempoKey}) are heard on the same decoded windows, never a second decode.
 *
 * <p>{@link StageTimes}: decoding is the decode; "front-end" is tempo and key plus the mel computation of a MelSpec v1
 * model, and for a waveform model tempo and key plus the building of its input (its front-end runs inside the graph, so it is counted as
 * inference). The mel picture {@link #hear} keeps for a waveform model is for display and counted in no stage.
 */
public final class TrackClassifier {
  private static final MelParameters MEL = MelParameters.MODEL;

  private final AudioDecoder decoder;
  private final PatchModel model;
  private final StageTimes times;
  private final TempoEstimator tempo;
  private final KeyEstimator key;

  public TrackClassifier(AudioDecoder decoder, PatchModel model, StageTimes times) {
    this(decoder, model, times, true);
  }

  /**
   * @param tempoAndKey hear tempo and key too (off only to measure what they cost, or where only the model's
   *     outputs are compared: the analysis then has {@link TempoKey#NONE})
   */
  public TrackClassifier(
      AudioDecoder decoder, PatchModel model, StageTimes times, boolean tempoAndKey) {
    int rate = model.metadata().sampleRate();
    this.tempo = tempoAndKey ? new TempoEstimator(rate) : null;
    this.key = tempoAndKey ? new KeyEstimator(rate) : null;
    this.decoder = decoder;
    this.model = model;
    this.times = times;
  }

  public PatchModel model() {
    return model;
  }

  public Analysis classify(Path file, PatchPredictor predictor)
      throws AudioFileException, ModelException {
    return listen(file, predictor, false).analysis();
  }

  /**
   * What the model made of a track, and the log-mel frames of what it heard ({@code [frames][bands]}, its windows
   * one after another in time order), so a view that shows them does not decode the file and compute them again.
   * For a waveform model the frames are MelSpec v1 of the same decoded PCM, computed for the picture only.
   */
  public record Heard(Analysis analysis, float[][] mel) {}

  /** As {@link #classify}, keeping the mel frames of what the model heard. */
  public Heard hear(Path file, PatchPredictor predictor) throws AudioFileException, ModelException {
    return listen(file, predictor, true);
  }

  private Heard listen(Path file, PatchPredictor predictor, boolean keepMel)
      throws AudioFileException, ModelException {
    long t0 = System.nanoTime();
    Patches heard = decodePatches(file);
    float[][] windows = heard.pcm();
    long t1 = System.nanoTime();
    TempoKey tempoKey = tempo == null ? TempoKey.NONE : TempoKey.of(windows, tempo, key);
    if (model.frontEnd() == FrontEnd.WAVEFORM_16K) {
      float[] input = WaveformInput.of(windows, model.metadata().windowsPerTrack());
      long t2 = System.nanoTime();
      PatchOutputs out = predictor.predictAudio(input);
      long t3 = System.nanoTime();
      times.addDecode(t1 - t0);
      times.addFrontEnd(t2 - t1);
      times.addInference(t3 - t2);
      Analysis analysis = analysis(TrackOutputs.of(out, model), heard.notes(), tempoKey);
      return new Heard(analysis, keepMel ? inTimeOrder(mel(windows)) : null);
    }
    float[][][] patches = mel(windows);
    long t2 = System.nanoTime();
    PatchOutputs out = predictor.predict(patches);
    long t3 = System.nanoTime();
    times.addDecode(t1 - t0);
    times.addFrontEnd(t2 - t1);
    times.addInference(t3 - t2);
    return new Heard(
        analysis(TrackOutputs.mean(out, model), heard.notes(), tempoKey), inTimeOrder(patches));
  }

  private static float[][][] mel(float[][] windows) {
    float[][][] patches = new float[windows.length][][];
    for (int i = 0; i < windows.length; i++) {
      patches[i] = MelSpectrogram.compute(windows[i], MEL);
    }
    return patches;
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
    int rate = model.metadata().sampleRate();
    int patchSamples = model.metadata().windowSamples();
    int k = model.metadata().windowsPerTrack();
    AudioInfo info = open.info();
    double seconds = info.durationSeconds();
    String shortfall = info.truncation();
    List<PcmBuffer> pcm;
    try {
      pcm = open.decodeWindows(rate, windows(seconds, rate, patchSamples, k));
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
      pcm = open.decodeWindows(rate, windows(seconds, rate, patchSamples, k));
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

  private static List<TimeWindow> windows(double seconds, int rate, int patchSamples, int k) {
    long trackSamples = Math.round(seconds * rate);
    List<TimeWindow> windows = new ArrayList<>();
    for (long start : PatchPlan.starts(trackSamples, patchSamples, k)) {
      windows.add(new TimeWindow(start / (double) rate, patchSamples / (double) rate));
    }
    return windows;
  }

  private Analysis analysis(TrackOutputs out, List<String> notes, TempoKey tempoKey) {
    List<LabelScore> genres = scores(model.genres(), out.genre());
    Map<String, Double> quadrants = new LinkedHashMap<>();
    double[] quadrant = out.quadrant();
    int best = 0;
    for (int q = 0; q < quadrant.length; q++) {
      quadrants.put(model.quadrants().get(q), quadrant[q]);
      best = quadrant[q] > quadrant[best] ? q : best;
    }
    float[] embedding = new float[out.embedding().length];
    for (int i = 0; i < embedding.length; i++) {
      embedding[i] = (float) out.embedding()[i];
    }
    Map<String, List<LabelScore>> tags = new LinkedHashMap<>();
    out.tags().forEach((name, p) -> tags.put(name, scores(model.metadata().labels(name), p)));
    return new Analysis(
        genres,
        model.quadrants().get(best),
        quadrants,
        out.va()[0],
        out.va()[1],
        quadrant[best],
        embedding,
        model.id(),
        notes,
        tags,
        tempoKey);
  }

  /** Every label with its probability, most likely first. */
  private static List<LabelScore> scores(List<String> labels, double[] p) {
    List<LabelScore> scores = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      scores.add(new LabelScore(labels.get(i), p[i]));
    }
    scores.sort(Comparator.comparingDouble(LabelScore::p).reversed());
    return List.copyOf(scores);
  }
}
