package org.musetag.ml;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Path;

/** The real bundled model's graph as ONNX Runtime itself reads it, for tests (sessions: {@link SharedSessions}). */
final class BundledModels {
  private BundledModels() {}

  /**
   * The width of the bundled model's {@code embedding} output as its graph declares it (128 in 1.x; 2.x's head
   * components, a few dozen to a few hundred), read by ONNX Runtime itself rather than taken from Musetag's code.
   */
  static int embeddingWidth(Path tempDir) throws ModelException, OrtException {
    Path onnx = new ModelFiles(tempDir).bundled("musetag-base");
    try (OrtSession session =
        OrtEnvironment.getEnvironment()
            .createSession(onnx.toString(), new OrtSession.SessionOptions())) {
      long[] shape = ((TensorInfo) session.getOutputInfo().get("embedding").getInfo()).getShape();
      return Math.toIntExact(shape[shape.length - 1]);
    }
  }
}
