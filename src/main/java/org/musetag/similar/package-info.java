/**
 * Similar songs: a track's sound as one vector ({@link org.musetag.similar.SoundVector}, built from what the library
 * stores of an analysis), the exact nearest-neighbour index over one model's analyses ({@link
 * org.musetag.similar.SoundIndex}), the query policy users expect ({@link org.musetag.similar.SimilarSongs}: never
 * the query itself, other artists first, filters) and journeys from one song to another ({@link
 * org.musetag.similar.Journey}). Tracks heard by different models are never compared: an index holds one model's
 * analyses. Used by {@code musetag similar} and {@code playlist}, and by the app's similar-songs panel.
 */
package org.musetag.similar;
