package org.musetag.audio;

/**
 * Decoded mono audio: float samples in [-1, 1] at {@code sampleRate}. The array is owned by the buffer's creator and
 * handed over; callers treat it as read-only.
 */
public record PcmBuffer(float[] samples, int sampleRate) {
  public PcmBuffer {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
    }
  }

  public double durationSeconds() {
    return samples.length / (double) sampleRate;
  }
}
