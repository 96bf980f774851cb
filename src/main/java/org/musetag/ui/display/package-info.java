/**
 * How the features show values: numbers, durations and tag values as text, a job's rate and time left, a track as
 * one row of the table, the circumplex and the player, a spectrogram as pixels, and the icons. Depends on nothing
 * else of the UI, so every feature can use it.
 */
package org.musetag.ui.display;
