/**
 * Similar songs in the app: the panel of a song's neighbours (from a library row, a circumplex point or a classify
 * card) and of a journey from one song to another, with play, save as playlist and show in library; what it finds is
 * highlighted on the circumplex. The index is the core's ({@link org.musetag.similar.SoundIndex}), loaded in the
 * background from the library's reader connection and kept until the library changes.
 */
package org.musetag.ui.similar;
