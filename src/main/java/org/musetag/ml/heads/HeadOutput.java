package org.musetag.ml.heads;

import java.util.List;
import org.musetag.ml.LabelScore;

/**
 * What one active head said about one track.
 *
 * @param head "name@version"
 * @param labels label heads: every label with its probability, most likely first; empty for regression
 * @param tagField label heads: the tag field its labels are written to
 * @param valence regression heads: −1..1; NaN for label heads
 * @param arousal regression heads: −1..1; NaN for label heads
 */
public record HeadOutput(
    String head,
    HeadKind kind,
    List<LabelScore> labels,
    String tagField,
    double valence,
    double arousal) {}
