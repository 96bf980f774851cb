package org.musetag.ml;

/** The user's choice: use the GPU when it works (AUTO), always the CPU, or insist on the GPU. */
public enum DevicePreference {
  AUTO,
  CPU,
  GPU
}
