package org.musetag.ui.common;

/** One field of one file going from old to new, as a confirmation dialog lists it. */
public record ChangeLine(String file, String field, String oldValue, String newValue) {}
