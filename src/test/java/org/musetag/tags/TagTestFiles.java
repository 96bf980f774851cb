package org.musetag.tags;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.mp3.MP3File;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.flac.FlacTag;
import org.jaudiotagger.tag.id3.AbstractID3v2Tag;
import org.jaudiotagger.tag.id3.ID3v23Tag;
import org.jaudiotagger.tag.id3.ID3v24Tag;
import org.jaudiotagger.tag.id3.Id3SupportingTag;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTXXX;
import org.jaudiotagger.tag.id3.valuepair.TextEncoding;
import org.jaudiotagger.tag.images.Artwork;
import org.jaudiotagger.tag.images.ArtworkFactory;
import org.jaudiotagger.tag.mp4.Mp4Tag;
import org.jaudiotagger.tag.mp4.field.Mp4TagReverseDnsField;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;

/**
 * Real audio files for the tag tests, carrying the tags a user's file would have (title, artist, album, track,
 * cover art, a ReplayGain value) written with JAudioTagger directly, so the tests can check Musetag leaves them be.
 */
final class TagTestFiles {
  static final String REPLAYGAIN = "REPLAYGAIN_TRACK_GAIN";

  private TagTestFiles() {}

  /** A one-second tone with the user's tags already on it. */
  static Path withUserTags(Path dir, String name, Encoding enc) throws Exception {
    if (enc == Encoding.OPUS) {
      return OpusFixture.withUserTags(dir.resolve(name + ".opus"), png());
    }
    Path file = AudioFixtures.tone(dir, name, enc, 440, 1.0);
    JaudiotaggerSetup.ensure();
    AudioFile audio = AudioFileIO.read(file.toFile());
    Tag tag = audio.getTagOrCreateAndSetDefault();
    if (tag instanceof Id3SupportingTag wavOrAiff) {
      wavOrAiff.setID3Tag(
          new ID3v24Tag()); // JAudioTagger would start a v2.3 tag; Musetag's default is v2.4
    }
    tag.setField(FieldKey.TITLE, "Fixture title é");
    tag.setField(FieldKey.ARTIST, "Fixture artist");
    tag.setField(FieldKey.ALBUM, "Fixture album");
    tag.setField(FieldKey.TRACK, "3");
    tag.setField(cover());
    setReplayGain(tag, "-6.50 dB");
    audio.commit();
    return file;
  }

  /** Rewrites an MP3's tag as ID3v2.3, as older taggers leave it. */
  static void convertToId3v23(Path file) throws Exception {
    MP3File mp3 = (MP3File) AudioFileIO.read(file.toFile());
    mp3.setID3v2Tag(new ID3v23Tag(mp3.getID3v2Tag()));
    mp3.commit();
  }

  /** What a user's tags look like through JAudioTagger, independently of Musetag's own snapshot. */
  static List<String> userTags(Path file) throws Exception {
    if (file.toString().endsWith(".opus")) {
      return OpusFixture.userTags(file);
    }
    Tag tag = AudioFileIO.read(file.toFile()).getTag();
    List<String> out = new ArrayList<>();
    for (FieldKey key : List.of(FieldKey.TITLE, FieldKey.ARTIST, FieldKey.ALBUM, FieldKey.TRACK)) {
      out.add(key + "=" + tag.getFirst(key));
    }
    Artwork art = tag.getFirstArtwork();
    out.add("cover=" + (art == null ? null : HexFormat.of().formatHex(art.getBinaryData())));
    out.add("replaygain=" + replayGain(tag));
    return out;
  }

  /** The cover every fixture carries: a 4x4 PNG. */
  static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 2, 0xFF8800);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return png.toByteArray();
  }

  private static Artwork cover() throws Exception {
    Artwork art = ArtworkFactory.getNew();
    art.setBinaryData(png());
    art.setMimeType("image/png");
    art.setPictureType(3);
    art.setDescription("");
    art.setWidth(4);
    art.setHeight(4);
    return art;
  }

  private static void setReplayGain(Tag tag, String value) throws Exception {
    setUserDefined(tag, REPLAYGAIN, value);
  }

  /** Adds a user-defined field of the user's own (TXXX, Vorbis comment, MP4 freeform atom), as another tool would. */
  static void addUserDefined(Path file, String name, String value) throws Exception {
    if (file.toString().endsWith(".opus")) {
      OpusFixture.addComment(file, name, value);
      return;
    }
    AudioFile audio = AudioFileIO.read(file.toFile());
    setUserDefined(audio.getTagOrCreateAndSetDefault(), name, value);
    audio.commit();
  }

  private static void setUserDefined(Tag tag, String name, String value) throws Exception {
    if (tag instanceof AbstractID3v2Tag id3) {
      var frame = id3.createFrame("TXXX");
      frame.setBody(new FrameBodyTXXX(TextEncoding.ISO_8859_1, name, value));
      id3.addField(frame);
    } else if (tag instanceof Mp4Tag mp4) {
      String id = "----:com.apple.iTunes:" + name;
      mp4.addField(new Mp4TagReverseDnsField(id, "com.apple.iTunes", name, value));
    } else if (tag instanceof FlacTag flac) {
      flac.getVorbisCommentTag().setField(name, value);
    } else if (tag instanceof VorbisCommentTag vorbis) {
      vorbis.setField(name, value);
    } else if (tag instanceof Id3SupportingTag wavOrAiff) {
      setUserDefined(wavOrAiff.getID3Tag(), name, value);
    }
  }

  /**
   * A user-defined field's values as they sit in the file, read below Musetag (JAudioTagger's frames and comments,
   * the MP4 item list): one string per TXXX frame value, Vorbis comment or MP4 data atom.
   */
  static List<String> userDefined(Path file, String name) throws Exception {
    if (file.toString().endsWith(".m4a")) {
      return Mp4Ilst.texts(Mp4Ilst.read(file), "----:com.apple.iTunes:" + name);
    }
    if (file.toString().endsWith(".opus")) {
      return OpusFixture.values(file, name);
    }
    Tag tag = AudioFileIO.read(file.toFile()).getTag();
    if (tag instanceof Id3SupportingTag wavOrAiff) {
      tag = wavOrAiff.getID3Tag();
    } else if (tag instanceof FlacTag flac) {
      tag = flac.getVorbisCommentTag();
    }
    if (file.toString().endsWith(".mp3")) {
      tag = ((MP3File) AudioFileIO.read(file.toFile())).getID3v2Tag();
    }
    List<String> out = new ArrayList<>();
    if (tag instanceof AbstractID3v2Tag id3) {
      for (org.jaudiotagger.tag.TagField f : id3.getFields("TXXX")) {
        if (f instanceof org.jaudiotagger.tag.id3.AbstractID3v2Frame frame
            && frame.getBody() instanceof FrameBodyTXXX body
            && name.equals(body.getDescription())) {
          out.addAll(body.getValues());
        }
      }
    } else if (tag instanceof VorbisCommentTag vorbis) {
      for (org.jaudiotagger.tag.TagField f : vorbis.getFields(name)) {
        out.add(((org.jaudiotagger.tag.TagTextField) f).getContent());
      }
    }
    return out;
  }

  private static String replayGain(Tag tag) {
    if (tag instanceof AbstractID3v2Tag id3) {
      for (org.jaudiotagger.tag.TagField f : id3.getFields("TXXX")) {
        if (f instanceof org.jaudiotagger.tag.id3.AbstractID3v2Frame frame
            && frame.getBody() instanceof FrameBodyTXXX body
            && REPLAYGAIN.equals(body.getDescription())) {
          return body.getText();
        }
      }
      return null;
    }
    if (tag instanceof Mp4Tag mp4) {
      return mp4.getFirst("----:com.apple.iTunes:" + REPLAYGAIN);
    }
    if (tag instanceof FlacTag flac) {
      return flac.getVorbisCommentTag().getFirst(REPLAYGAIN);
    }
    if (tag instanceof VorbisCommentTag vorbis) {
      return vorbis.getFirst(REPLAYGAIN);
    }
    if (tag instanceof Id3SupportingTag wavOrAiff) {
      return replayGain(wavOrAiff.getID3Tag());
    }
    return null;
  }
}
