package org.musetag.ml.heads.training;

import java.nio.file.Path;
import org.musetag.ml.Analysis;

/**
 * One usable training example: the file, what it should be (label, or valence and arousal), and what the backbone
 * heard in it (its embedding is the head's input; its own outputs are the baseline the head is compared with).
 */
public record Sample(Path file, String label, double valence, double arousal, Analysis backbone) {
  public float[] embedding() {
    return backbone.embedding();
  }
}
