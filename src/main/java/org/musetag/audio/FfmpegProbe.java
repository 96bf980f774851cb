package org.musetag.audio;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.io.IOException;
import java.nio.file.Files;
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
 * channel count or duration unknown (e.g. an MP3 without a Xing header). A file cut short is still described, with
 * the audio that is there ({@link TruncationCheck}); errors FFmpeg reports while reading the header are damage to
 * the tags, reported apart from the audio.
 */
final class FfmpegProbe {
  private FfmpegProbe() {}

  static AudioInfo probe(Path file) throws AudioFileException {
    try {
      String chosen = ContainerSniffer.choose(file);
      Opened o = open(file, chosen);
      if (o.audio == null && chosen != null) {
        // The container the name or signature suggested holds no audio: let FFmpeg recognise the
        // content.
        o.close();
        o = open(file, null);
      }
      try {
        return describe(file, o);
      } finally {
        o.close();
      }
    } catch (IOException e) {
      throw new AudioFileException(file, "cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static AudioInfo describe(Path file, Opened o) throws AudioFileException, IOException {
    if (o.oc == null) {
      throw new AudioFileException(file, "is not a recognised audio file");
    }
    if (o.audio == null || o.audio.codecpar().sample_rate() <= 0) {
      throw new AudioFileException(file, "contains no audio stream");
    }
    String ffmpegFormat = o.oc.iformat().name().getString();
    TruncationCheck.Extent extent = extent(file, ffmpegFormat, o.audio, seconds(o.oc, o.audio));
    return describe(file, o.oc, o.audio, extent, o.headerErrors, o.firstError);
  }

  /**
   * What an opened container holds: shared by the probe and by a {@link DecodingSession}, so a file opened to be
   * decoded is described exactly as a probe would describe it, without a second opening.
   */
  static AudioInfo describe(
      Path file,
      AVFormatContext oc,
      AVStream audio,
      TruncationCheck.Extent extent,
      int headerErrors,
      String firstError) {
    AVCodecParameters par = audio.codecpar();
    String ffmpegFormat = oc.iformat().name().getString();
    double declared = seconds(oc, audio);
    Map<String, String> tags = new LinkedHashMap<>();
    copy(oc.metadata(), tags);
    copy(audio.metadata(), tags);
    String tagProblem =
        headerErrors == 0
            ? null
            : "has damaged tags (FFmpeg reported "
                + headerErrors
                + " error(s) reading them, first: "
                + String.valueOf(firstError).replaceFirst("^\\[[^]]* @ [^]]*\\] ", "")
                + ")";
    return new AudioInfo(
        file,
        FfmpegAudioDecoder.formatName(ffmpegFormat),
        avcodec.avcodec_get_name(par.codec_id()).getString(),
        par.sample_rate(),
        par.ch_layout().nb_channels(),
        extent.presentSeconds(),
        tags,
        declared,
        extent.problem(),
        ContainerSniffer.misnamed(file, ffmpegFormat),
        tagProblem);
  }

  /** How much of the declared audio is there; MP4 is measured from FFmpeg's sample index, the rest from bytes. */
  static TruncationCheck.Extent extent(
      Path file, String ffmpegFormat, AVStream audio, double declared) throws IOException {
    if (ffmpegFormat.startsWith("mov,")) {
      return TruncationCheck.shorterThanDeclared(
          "mp4", declared, MovExtent.presentSeconds(audio, Files.size(file)));
    }
    return TruncationCheck.check(file, ffmpegFormat, declared);
  }

  /** The errors FFmpeg reports reading only the header of {@code file} as {@code demuxer} (null: probe). */
  static FfmpegLogBridge.ErrorTally headerErrors(Path file, String demuxer) {
    FfmpegLogBridge.ErrorTally tally = FfmpegLogBridge.startCounting();
    AVInputFormat format = demuxer == null ? null : avformat.av_find_input_format(demuxer);
    AVFormatContext oc = new AVFormatContext(null);
    if (avformat.avformat_open_input(oc, file.toString(), format, null) >= 0) {
      avformat.avformat_close_input(oc);
    }
    return tally;
  }

  /** An opened container (null when FFmpeg could not open it), its audio stream, and the errors met on the way. */
  private static final class Opened implements AutoCloseable {
    AVFormatContext oc;
    AVStream audio;
    int headerErrors;
    String firstError;

    @Override
    public void close() {
      if (oc != null) {
        avformat.avformat_close_input(oc);
        oc = null;
      }
    }
  }

  /**
   * Opens the container as {@code demuxer} (which skips FFmpeg's content probing, the larger part of a probe's
   * cost), or, when that is null or fails, letting FFmpeg recognise the content.
   */
  private static Opened open(Path file, String demuxer) {
    Opened o = new Opened();
    FfmpegLogBridge.ErrorTally tally = FfmpegLogBridge.startCounting();
    AVInputFormat hinted = demuxer == null ? null : avformat.av_find_input_format(demuxer);
    AVFormatContext oc = new AVFormatContext(null);
    if (hinted == null || avformat.avformat_open_input(oc, file.toString(), hinted, null) < 0) {
      tally = FfmpegLogBridge.startCounting();
      oc = new AVFormatContext(null);
      if (avformat.avformat_open_input(oc, file.toString(), null, null) < 0) {
        return o;
      }
    }
    o.oc = oc;
    o.headerErrors = tally.count;
    o.firstError = tally.first;
    AVStream audio = audioStream(oc);
    if (audio == null || incomplete(oc, audio.codecpar())) {
      if (avformat.avformat_find_stream_info(oc, (AVDictionary) null) < 0) {
        return o;
      }
      audio = audioStream(oc);
    }
    o.audio = audio;
    return o;
  }

  private static boolean incomplete(AVFormatContext oc, AVCodecParameters par) {
    return par.sample_rate() <= 0
        || par.ch_layout().nb_channels() <= 0
        || oc.duration() == AV_NOPTS_VALUE;
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
