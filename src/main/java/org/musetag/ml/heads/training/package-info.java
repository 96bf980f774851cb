/**
 * Training a head end to end: the data summary and its warnings, stratified folds, cross-validation beside the
 * bundled model, the linear head trained with Tribuo on standardised embeddings and exported to ONNX, and {@link
 * org.musetag.ml.heads.training.HeadTraining}, which registers a version only when every step succeeded. The only
 * package that sees Tribuo ({@code LinearHead} and its log bridge).
 */
package org.musetag.ml.heads.training;
