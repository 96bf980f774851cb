package org.musetag.tags;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A digest of a file's audio stream alone, its tags left out (the bytes {@link AudioPayload} guards when tags are
 * written): the same for two copies of a track whose tags differ, so a catalogue can tell a re-tagged file from new
 * audio.
 */
public final class AudioHash {
  private AudioHash() {}

  /** The SHA-256 of the audio stream in hex; empty for a format Musetag does not tag (its whole file is hashed then). */
  public static Optional<String> of(Path file) throws IOException {
    Optional<TagFormat> format = TagFormat.of(file);
    return format.isPresent()
        ? Optional.of(AudioPayload.digest(file, format.get()))
        : Optional.empty();
  }
}
