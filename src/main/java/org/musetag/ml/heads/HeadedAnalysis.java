package org.musetag.ml.heads;

import java.util.Map;
import org.musetag.ml.Analysis;

/**
 * A track's analysis with the active heads applied.
 *
 * @param analysis the bundled model's analysis, with valence/arousal replaced by an active regression head and the
 *     quadrant by an active Q1..Q4 head; unchanged when no head is active
 * @param heads each active head's output, by head name (sorted); empty when no head is active
 */
public record HeadedAnalysis(Analysis analysis, Map<String, HeadOutput> heads) {}
