package org.musetag.ml;

/** One label and its probability. */
public record LabelScore(String label, double p) {}
