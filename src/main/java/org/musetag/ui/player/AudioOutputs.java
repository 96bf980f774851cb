package org.musetag.ui.player;

import javax.sound.sampled.LineUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the sound card, or a silent clock with a notice saying why there is no sound. */
public final class AudioOutputs {
  private static final Logger LOG = LoggerFactory.getLogger(AudioOutputs.class);

  /** An opened output and, when it is silent, the sentence that tells the user why. */
  public record Opened(AudioOutput output, String notice) {}

  private final boolean silentOnly;

  /** @param silentOnly never try the sound card (tests) */
  public AudioOutputs(boolean silentOnly) {
    this.silentOnly = silentOnly;
  }

  public Opened open(int rate) {
    if (!silentOnly) {
      try {
        return new Opened(JavaSoundOutput.open(rate), "");
      } catch (LineUnavailableException | RuntimeException e) {
        LOG.info("no audio output ({}); playing silently", e.getMessage());
      }
    }
    return new Opened(
        new SilentOutput(rate),
        "No audio output was found on this machine: playing silently, the spectrogram still runs.");
  }
}
