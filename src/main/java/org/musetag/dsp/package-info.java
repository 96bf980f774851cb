/**
 * Signal processing for Musetag: the MelSpec log-mel front-end shared by the models, the spectrogram command and
 * the live view.
 *
 * <p>Why a separate package with strict rules: these functions define the model's input, so they are pure (immutable
 * values and functions, no shared mutable state, no I/O beyond writing to a stream the caller supplies), computed in
 * double, and checked against the numpy reference {@code models/training/melspec.py} by a golden test. No JavaFX is
 * used here so everything runs headless.
 */
package org.musetag.dsp;
