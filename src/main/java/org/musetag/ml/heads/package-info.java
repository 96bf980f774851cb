/**
 * Trained heads as the rest of Musetag uses them (docs/decisions/0006): the versioned registry in the data folder
 * with each version's model card, a head loaded from its ONNX file, and the set of active heads applied to
 * analyses. Applying heads needs nothing of training: the subpackages hold the scores ({@code metrics}), the user's
 * examples ({@code input}), what the bundled model heard in them ({@code embeddings}) and the training itself
 * ({@code training}), and of them this package uses only the scores, which a card holds
 * ({@code ArchitectureTest.headsPackagesHaveNoCycles} keeps the packages acyclic).
 */
package org.musetag.ml.heads;
