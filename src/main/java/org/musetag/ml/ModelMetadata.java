package org.musetag.ml;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.musetag.dsp.MelParameters;

/**
 * The custom metadata of an ONNX file (name, version, genre and quadrant labels, front-end, patch or window shape,
 * extra tag outputs), read from the file's protobuf without starting ONNX Runtime: the model's id is known before
 * (or without) a session, and the labels are parsed once, not once per session.
 *
 * <p>A MelSpec v1 model (1.x) names {@code patch_frames} and {@code n_mels}; a waveform model (2.x, {@code frontend}
 * {@code waveform-16k}) names {@code sample_rate}, {@code window_samples} (S) and {@code windows_per_track} (K), and
 * may name {@code tag_outputs}, a comma-separated list of extra outputs, each with its labels in {@code labels_NAME}.
 * Such labels may hold commas themselves (AudioSet's "Violin, fiddle"), so a label list that contains a {@code |}
 * is split on {@code |}; one without is split on commas, as the genre and quadrant lists are.
 *
 * @param values every metadata key and its value, as the exporter wrote them
 */
public record ModelMetadata(Map<String, String> values) {
  public ModelMetadata {
    values = Map.copyOf(values);
  }

  /** Reads the metadata of {@code onnx}; a file that is not an ONNX model is a {@link ModelException}. */
  public static ModelMetadata read(Path onnx) throws ModelException {
    try (InputStream in = Files.newInputStream(onnx)) {
      Map<String, String> values = new LinkedHashMap<>();
      for (OnnxMl.StringStringEntryProto p :
          OnnxMl.ModelProto.parseFrom(in).getMetadataPropsList()) {
        values.put(p.getKey(), p.getValue());
      }
      return new ModelMetadata(values);
    } catch (IOException e) {
      throw new ModelException("cannot read the model " + onnx + ": " + e.getMessage(), e);
    }
  }

  public String name() {
    return values.getOrDefault("name", "unknown");
  }

  public String version() {
    return values.getOrDefault("version", "0");
  }

  /** "name@version", recorded with every result and tag the model produces. */
  public String id() {
    return name() + "@" + version();
  }

  public String frontend() {
    return values.get("frontend");
  }

  public List<String> genres() {
    return List.of(values.getOrDefault("genres", "").split(","));
  }

  public List<String> quadrants() {
    return List.of(values.getOrDefault("quadrants", "Q1,Q2,Q3,Q4").split(","));
  }

  public int melBands() {
    return Integer.parseInt(values.getOrDefault("n_mels", "64"));
  }

  public int patchFrames() {
    return Integer.parseInt(values.getOrDefault("patch_frames", "188"));
  }

  /** The front-end the model's input needs; empty for one Musetag cannot compute. */
  public Optional<FrontEnd> frontEndKind() {
    return FrontEnd.named(frontend());
  }

  /** The PCM sample rate the model listens at (16 kHz for both front-ends). */
  public int sampleRate() {
    return Integer.parseInt(values.getOrDefault("sample_rate", "16000"));
  }

  /**
   * Samples in one window the model hears (S): {@code window_samples}, or for a MelSpec v1 model the samples its
   * patch of {@link #patchFrames()} frames spans.
   */
  public int windowSamples() {
    String s = values.get("window_samples");
    return s != null
        ? Integer.parseInt(s)
        : Math.toIntExact(MelParameters.MODEL.samplesForFrames(patchFrames()));
  }

  /** Windows heard per track (K): {@code windows_per_track}, or the {@link PatchPlan} default of 1.x models. */
  public int windowsPerTrack() {
    return Integer.parseInt(
        values.getOrDefault("windows_per_track", String.valueOf(PatchPlan.PATCHES_PER_TRACK)));
  }

  /** The names of the model's extra tag outputs ({@code tag_outputs}), in the metadata's order; often none. */
  public List<String> tagOutputs() {
    return split(values.getOrDefault("tag_outputs", ""), ",");
  }

  /** The labels of the tag output {@code output} ({@code labels_OUTPUT}); empty when the metadata names none. */
  public List<String> labels(String output) {
    String list = values.getOrDefault("labels_" + output, "");
    return split(list, list.contains("|") ? "|" : ",");
  }

  private static List<String> split(String list, String separator) {
    return Arrays.stream(list.split(Pattern.quote(separator)))
        .map(String::trim)
        .filter(l -> !l.isEmpty())
        .toList();
  }
}
