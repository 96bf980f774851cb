package org.musetag.tags;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/** Writes a short Opus file with the given Vorbis comments, which AudioFixtures cannot set. */
final class OpusFixture {

  private OpusFixture() {}

  static Path write(Path file, Map<String, String> comments) throws Exception {
    float[] silence = new float[48000];
    try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), 1)) {
      rec.setFormat("ogg");
      rec.setAudioCodecName("libopus");
      rec.setSampleRate(48000);
      rec.setAudioChannels(1);
      rec.setMetadata(comments);
      rec.start();
      rec.recordSamples(48000, 1, FloatBuffer.wrap(silence));
      rec.stop();
    }
    return file;
  }
}
