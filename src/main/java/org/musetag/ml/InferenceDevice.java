package org.musetag.ml;

/**
 * Where inference runs, in words for the status bar and the command line.
 *
 * @param description e.g. "CPU" or "GPU (CUDA device 0)"
 * @param gpu whether it is a GPU
 * @param notice why the GPU is not used when one was asked for or expected; empty when there is nothing to say
 */
public record InferenceDevice(String description, boolean gpu, String notice) {
  public static InferenceDevice cpu(String notice) {
    return new InferenceDevice("CPU", false, notice);
  }
}
