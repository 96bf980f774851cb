package org.musetag.dsp;

import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.GainProcessor;
import be.tarsos.dsp.io.TarsosDSPAudioFormat;
import be.tarsos.dsp.pitch.FastYin;
import be.tarsos.dsp.pitch.PitchDetectionResult;

/**
 * TarsosDSP processing for the player, on decoded mono float PCM (never TarsosDSP's own decoders): the pitch and
 * level of a block for the live readout, and gain for the volume control. Pure functions: each call makes its own
 * TarsosDSP objects and returns new values; nothing is shared between calls.
 */
public final class LiveFeatures {

  /**
   * What a block sounds like.
   *
   * @param pitchHz the YIN pitch estimate, or -1 when the block has no clear pitch
   * @param probability YIN's confidence in the pitch, 0..1
   * @param levelDb RMS level in dB full scale (-inf for silence, floored at -120)
   */
  public record Reading(float pitchHz, float probability, double levelDb) {}

  private LiveFeatures() {}

  /** Pitch (TarsosDSP FastYin) and RMS level of {@code block}, mono samples at {@code sampleRate}. */
  public static Reading analyse(float[] block, float sampleRate) {
    if (block.length < 64) {
      return new Reading(-1, 0, -120);
    }
    PitchDetectionResult pitch = new FastYin(sampleRate, block.length).getPitch(block.clone());
    double rms = AudioEvent.calculateRMS(block);
    double db = rms > 1e-6 ? 20 * Math.log10(rms) : -120;
    return new Reading(
        pitch.isPitched() ? pitch.getPitch() : -1, pitch.getProbability(), Math.max(-120, db));
  }

  /** {@code block} scaled by {@code gain} (TarsosDSP GainProcessor, which also clips to [-1, 1]); a new array. */
  public static float[] gain(float[] block, double gain, float sampleRate) {
    AudioEvent event = new AudioEvent(new TarsosDSPAudioFormat(sampleRate, 16, 1, true, false));
    event.setFloatBuffer(block.clone());
    new GainProcessor(gain).process(event);
    return event.getFloatBuffer();
  }
}
