/**
 * Signal processing for Musetag: the MelSpec log-mel front-end shared by the models, the spectrogram command and
 * the live view.
 *
 * <p>Why a separate package with strict rules: these functions define the model's input, so they are pure (immutable
 * values and functions, no shared mutable state; a {@link org.musetag.dsp.StreamingMelSpectrogram} holds only its
 * own caller's buffer), computed in double, and checked against the numpy reference {@code models/training/melspec.py}
 * by a golden test. The package opens no file: its only output is {@code .npy} bytes ({@link
 * org.musetag.dsp.NpyWriter}) and PNG images ({@link org.musetag.dsp.MelImageRenderer}, through {@code ImageIO}),
 * written to a stream the caller supplies; the spectrogram command decides where they go. No JavaFX is used here
 * (the images are AWT, drawn off screen), so everything runs headless.
 */
package org.musetag.dsp;
