/**
 * What the bundled model heard in each training file, the input of every head: the backbone (the process's one
 * bundled model, opened only when a file must be heard), the collector that hears files in parallel, and the
 * embedding store the library implements, so a second run on the same files does not listen again.
 */
package org.musetag.ml.heads.embeddings;
