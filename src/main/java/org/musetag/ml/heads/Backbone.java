package org.musetag.ml.heads;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.musetag.audio.AudioDecoder;
import org.musetag.ml.ModelException;
import org.musetag.ml.PatchModel;
import org.musetag.ml.StageTimes;
import org.musetag.ml.TrackClassifier;

/**
 * The bundled model as the source of embeddings for training, opened only when a file has to be heard: when every
 * file is in the embedding cache, a training run never starts the model, which is most of the start-up time of a
 * cached run. Its id is read from the ONNX file's metadata without starting ONNX Runtime.
 */
public final class Backbone implements AutoCloseable {
  /** Loads the model (with the user's device and thread settings). */
  @FunctionalInterface
  public interface Opener {
    PatchModel open() throws ModelException;
  }

  private final String id;
  private final AudioDecoder decoder;
  private final Opener opener;
  private PatchModel model;
  private TrackClassifier classifier;

  public Backbone(String id, AudioDecoder decoder, Opener opener) {
    this.id = id;
    this.decoder = decoder;
    this.opener = opener;
  }

  /** "name@version" of the model in {@code onnx}, as {@link PatchModel#id()} will say once it is loaded. */
  public static String idOf(Path onnx) throws ModelException {
    try (InputStream in = Files.newInputStream(onnx)) {
      OnnxMl.ModelProto proto = OnnxMl.ModelProto.parseFrom(in);
      String name = "unknown";
      String version = "0";
      for (OnnxMl.StringStringEntryProto p : proto.getMetadataPropsList()) {
        name = p.getKey().equals("name") ? p.getValue() : name;
        version = p.getKey().equals("version") ? p.getValue() : version;
      }
      return name + "@" + version;
    } catch (IOException e) {
      throw new ModelException("cannot read the model " + onnx + ": " + e.getMessage(), e);
    }
  }

  public String id() {
    return id;
  }

  /** The classifier, loading the model on first use. */
  synchronized TrackClassifier classifier() throws ModelException {
    if (classifier == null) {
      PatchModel loaded = opener.open();
      if (!loaded.id().equals(id)) {
        String got = loaded.id();
        loaded.close();
        throw new ModelException("the model loaded is " + got + ", expected " + id);
      }
      model = loaded;
      classifier = new TrackClassifier(decoder, model, new StageTimes());
    }
    return classifier;
  }

  @Override
  public synchronized void close() {
    if (model != null) {
      model.close();
    }
  }
}
