package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jaudiotagger.tag.TagField;
import org.jaudiotagger.tag.id3.AbstractID3v2Frame;
import org.jaudiotagger.tag.id3.AbstractID3v2Tag;
import org.jaudiotagger.tag.id3.ID3v23Tag;
import org.jaudiotagger.tag.id3.ID3v24Tag;
import org.jaudiotagger.tag.id3.framebody.AbstractFrameBodyTextInfo;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTXXX;

/** Checks on the frames of an ID3v2 tag as JAudioTagger parses them, below Musetag's reader. */
final class Id3Assertions {

  private Id3Assertions() {}

  /** The raw texts of all frames with this id (NULs kept), e.g. TCON. */
  static List<String> texts(AbstractID3v2Tag tag, String frameId) {
    List<String> out = new ArrayList<>();
    for (TagField f : tag.getFields(frameId)) {
      out.add(((AbstractFrameBodyTextInfo) ((AbstractID3v2Frame) f).getBody()).getText());
    }
    return out;
  }

  /** The raw texts of the TXXX frames with this description. */
  static List<String> userTexts(AbstractID3v2Tag tag, String description) {
    List<String> out = new ArrayList<>();
    for (TagField f : tag.getFields("TXXX")) {
      FrameBodyTXXX body = (FrameBodyTXXX) ((AbstractID3v2Frame) f).getBody();
      if (body.getDescription().equals(description)) {
        out.add(body.getText());
      }
    }
    return out;
  }

  static void assertV24AsTheGuideSays(AbstractID3v2Tag tag) {
    assertThat(tag).isInstanceOf(ID3v24Tag.class);
    assertThat(texts(tag, "TCON")).containsExactly("electronic\0rock");
    assertThat(texts(tag, "TMOO")).containsExactly("happy\0energetic");
    assertThat(userTexts(tag, "MOOD")).isEmpty();
    assertNumbers(tag);
  }

  static void assertV23AsTheGuideSays(AbstractID3v2Tag tag, String separator) {
    assertThat(tag).isInstanceOf(ID3v23Tag.class).isNotInstanceOf(ID3v24Tag.class);
    assertThat(texts(tag, "TCON")).containsExactly("electronic" + separator + "rock");
    assertThat(userTexts(tag, "MOOD")).containsExactly("happy" + separator + "energetic");
    assertThat(tag.getFields("TMOO")).isEmpty();
    assertNumbers(tag);
  }

  private static void assertNumbers(AbstractID3v2Tag tag) {
    assertThat(userTexts(tag, "VALENCE")).containsExactly("0.250");
    assertThat(userTexts(tag, "AROUSAL")).containsExactly("-0.125");
    assertThat(userTexts(tag, "MOODMODEL")).containsExactly("musetag-base@1.0.0");
  }
}
