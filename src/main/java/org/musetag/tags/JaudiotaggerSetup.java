package org.musetag.tags;

import org.jaudiotagger.audio.wav.WavOptions;
import org.jaudiotagger.audio.wav.WavSaveOptions;
import org.jaudiotagger.tag.TagOptionSingleton;
import org.jaudiotagger.tag.id3.valuepair.TextEncoding;

/**
 * JAudioTagger's process-wide options, set once to what shared/guide/tags.md asks for. Its defaults would write
 * genres as ID3v1 numbers ("17" for rock), keep a backup copy next to a file whose tag outgrew its padding, and
 * ignore the ID3 chunk of WAV files that also have an INFO chunk.
 */
final class JaudiotaggerSetup {
  private static boolean done;

  private JaudiotaggerSetup() {}

  static synchronized void ensure() {
    if (done) {
      return;
    }
    JaudiotaggerLogBridge.install();
    TagOptionSingleton o = TagOptionSingleton.getInstance();
    o.setWriteMp3GenresAsText(true);
    o.setWriteMp4GenresAsText(true);
    o.setId3v24DefaultTextEncoding(TextEncoding.UTF_8);
    o.setId3v23DefaultTextEncoding(TextEncoding.UTF_16);
    o.setResetTextEncodingForExistingFrames(false);
    o.setOriginalSavedAfterAdjustingID3v2Padding(false);
    // WAV: read and write the ID3 chunk (where Musetag's fields live) and keep an existing INFO
    // chunk as it is.
    o.setWavOptions(WavOptions.READ_ID3_ONLY);
    o.setWavSaveOptions(WavSaveOptions.SAVE_EXISTING_AND_ACTIVE);
    done = true;
  }
}
