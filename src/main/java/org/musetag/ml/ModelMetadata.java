package org.musetag.ml;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The custom metadata of an ONNX file (name, version, genre and quadrant labels, front-end, patch shape), read from
 * the file's protobuf without starting ONNX Runtime: the model's id is known before (or without) a session, and the
 * labels are parsed once, not once per session.
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
}
