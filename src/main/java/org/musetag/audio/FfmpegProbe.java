package org.musetag.audio;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Reads a file's container header only: format, codec, rate, channels, duration and tags. Library scans call this
 * for every file, so it skips FFmpeg's stream analysis (which decodes packets) unless the header leaves the rate,
 * channel count or duration unknown (e.g. an MP3 without a Xing header).
 */
final class FfmpegProbe {
  private FfmpegProbe() {}

  static AudioInfo probe(Path file) throws AudioFileException {
    AVFormatContext oc = open(file);
    try {
      AVStream audio = audioStream(oc);
      if (audio == null || incomplete(oc, audio.codecpar())) {
        if (avformat.avformat_find_stream_info(oc, (AVDictionary) null) < 0) {
          throw new AudioFileException(file, "is not a recognised audio file (no stream information)");
        }
        audio = audioStream(oc);
      }
      if (audio == null || audio.codecpar().sample_rate() <= 0) {
        throw new AudioFileException(file, "contains no audio stream");
      }
      AVCodecParameters par = audio.codecpar();
      String format = FfmpegAudioDecoder.formatName(oc.iformat().name().getString());
      String problem = TruncationCheck.problem(file, oc.iformat().name().getString());
      if (problem != null) {
        throw new AudioFileException(file, problem);
      }
      Map<String, String> tags = new LinkedHashMap<>();
      copy(oc.metadata(), tags);
      copy(audio.metadata(), tags);
      return new AudioInfo(file, format, avcodec.avcodec_get_name(par.codec_id()).getString(), par.sample_rate(),
          par.ch_layout().nb_channels(), seconds(oc, audio), tags);
    } catch (IOException e) {
      throw new AudioFileException(file, "cannot be read (" + e.getMessage() + ")", e);
    } finally {
      avformat.avformat_close_input(oc);
    }
  }

  /**
   * Opens the container, first as the format its extension names (which skips FFmpeg's content probing, the
   * larger part of a probe's cost), and, if that fails (a misnamed file), letting FFmpeg recognise the content.
   */
  private static AVFormatContext open(Path file) throws AudioFileException {
    AVInputFormat hinted = hintFor(file);
    if (hinted != null) {
      AVFormatContext oc = new AVFormatContext(null);
      if (avformat.avformat_open_input(oc, file.toString(), hinted, null) >= 0) {
        return oc;
      }
    }
    AVFormatContext oc = new AVFormatContext(null);
    if (avformat.avformat_open_input(oc, file.toString(), null, null) < 0) {
      throw new AudioFileException(file, "is not a recognised audio file");
    }
    return oc;
  }

  private static AVInputFormat hintFor(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    String ext = name.substring(name.lastIndexOf('.') + 1);
    String format = switch (ext) {
      case "ogg", "oga", "opus" -> "ogg";
      case "mp3" -> "mp3";
      case "flac" -> "flac";
      case "m4a", "m4b", "mp4" -> "mov";
      case "wav" -> "wav";
      case "aif", "aiff", "aifc" -> "aiff";
      default -> null;
    };
    return format == null ? null : avformat.av_find_input_format(format);
  }

  private static boolean incomplete(AVFormatContext oc, AVCodecParameters par) {
    return par.sample_rate() <= 0 || par.ch_layout().nb_channels() <= 0 || oc.duration() == AV_NOPTS_VALUE;
  }

  /**
   * The audio's length: the stream's own duration (exact, in its time base) when known, else the container's. For
   * Opus, FFmpeg's duration still counts the encoder's pre-skip samples that decoding drops, so they are taken off:
   * the result then equals the decoded length, which is what patch positions are computed from.
   */
  static double seconds(AVFormatContext oc, AVStream audio) {
    AVCodecParameters par = audio.codecpar();
    long d = audio.duration();
    AVRational tb = audio.time_base();
    double seconds;
    if (d != AV_NOPTS_VALUE && d > 0 && tb.den() > 0) {
      seconds = d * (double) tb.num() / tb.den();
    } else {
      long c = oc.duration();
      seconds = c == AV_NOPTS_VALUE || c <= 0 ? 0 : c / (double) avutil.AV_TIME_BASE;
    }
    if (par.codec_id() == avcodec.AV_CODEC_ID_OPUS && par.sample_rate() > 0) {
      seconds -= par.initial_padding() / (double) par.sample_rate();
    }
    return Math.max(0, seconds);
  }

  private static AVStream audioStream(AVFormatContext oc) {
    for (int i = 0; i < oc.nb_streams(); i++) {
      AVStream st = oc.streams(i);
      if (st.codecpar().codec_type() == AVMEDIA_TYPE_AUDIO) {
        return st;
      }
    }
    return null;
  }

  private static void copy(AVDictionary dict, Map<String, String> into) {
    if (dict == null || dict.isNull()) {
      return;
    }
    AVDictionaryEntry e = null;
    while ((e = avutil.av_dict_iterate(dict, e)) != null && !e.isNull()) {
      into.putIfAbsent(e.key().getString(), e.value().getString());
    }
  }
}
