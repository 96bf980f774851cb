/**
 * The scores a head gets in cross-validation, beside the bundled model's: per-class precision, recall and F1,
 * accuracy and macro-F1, Pearson r, R² and RMSE. Plain arithmetic with no dependency, so the model card can hold
 * the scores without depending on training.
 */
package org.musetag.ml.heads.metrics;
