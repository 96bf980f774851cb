package org.musetag.app;

import org.musetag.audio.AudioDecoder;

/**
 * The long-lived services of one running Musetag, built once by the composition root ({@link Wiring}) and handed to
 * the command line and the desktop UI through their constructors.
 */
public record Services(AudioDecoder decoder) {}
