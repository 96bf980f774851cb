/**
 * What the user hands in to learn from, read but not yet decoded: label folders for a label head, a
 * {@code path,valence,arousal} CSV for a regression head, and the items and warnings both give. It needs only the
 * heads' own vocabulary ({@code HeadKind}, {@code HeadException}): no model, no Tribuo.
 */
package org.musetag.ml.heads.input;
