package org.musetag.ui.player;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.musetag.audio.AudioDecoder;
import org.musetag.audio.OpenAudio;
import org.musetag.audio.PcmBuffer;
import org.musetag.audio.TimeWindow;
import org.musetag.dsp.LiveFeatures;
import org.musetag.dsp.MelParameters;
import org.musetag.dsp.StreamingMelSpectrogram;
import org.musetag.ui.task.BackgroundTask;
import org.musetag.ui.task.TaskContext;

/**
 * Plays one file on a background thread: opens it once and decodes it in two-second windows with the core decoder,
 * each window once, resampled to 44.1 kHz mono for the sound and 16 kHz for MelSpec v1; feeds the sound to the output in tenth-of-a-second slices with the volume
 * applied (TarsosDSP gain), and the 16 kHz PCM to a {@link StreamingMelSpectrogram} whose frames go to the
 * {@link SpectrogramFeed}. Pause, seek, volume and stop are requests the loop picks up between slices.
 */
final class PlaybackEngine implements BackgroundTask.Work<Void> {
  static final int RATE = 44_100;
  static final double CHUNK_SECONDS = 2.0;
  private static final MelParameters MEL = MelParameters.MODEL;

  private final AudioDecoder decoder;
  private final Path file;
  private final double duration;
  private final AudioOutputs outputs;
  private final Consumer<String> notices;
  private volatile AudioOutput out;
  private final SpectrogramFeed feed;
  private final Consumer<LiveFeatures.Reading> readings;
  private volatile boolean paused;
  private volatile double seekTo = Double.NaN;
  private volatile double volume = 0.8;
  private volatile boolean finished;

  /** Track time of the first frame the output played after the last seek, and that frame's count. */
  private volatile double startSeconds;

  private volatile long startFrames;

  /**
   * @param readings receives the live readout on the UI thread
   * @param notices receives, on the UI thread, why the output is silent ("" when it is not)
   */
  PlaybackEngine(
      AudioDecoder decoder,
      Path file,
      double duration,
      AudioOutputs outputs,
      SpectrogramFeed feed,
      Consumer<LiveFeatures.Reading> readings,
      Consumer<String> notices) {
    this.decoder = decoder;
    this.file = file;
    this.duration = duration;
    this.outputs = outputs;
    this.notices = notices;
    this.feed = feed;
    this.readings = readings;
  }

  @Override
  public Void run(TaskContext ctx) throws Exception {
    AudioOutputs.Opened opened = outputs.open(RATE);
    ctx.publish(() -> notices.accept(opened.notice()));
    out = opened.output();
    try (OpenAudio audio = decoder.open(file)) {
      StreamingMelSpectrogram mel = new StreamingMelSpectrogram(MEL);
      double t = 0;
      long firstFrame = 0;
      startFrames = out.framesPlayed();
      while (!ctx.isCancelled()) {
        if (!Double.isNaN(seekTo)) {
          t = Math.max(0, Math.min(duration, seekTo));
          seekTo = Double.NaN;
          out.flush();
          mel.reset();
          feed.clear();
          firstFrame = Math.round(t * MEL.sampleRate() / MEL.hop());
          t = firstFrame * (double) MEL.hop() / MEL.sampleRate();
          startSeconds = t;
          startFrames = out.framesPlayed();
          finished = false;
        }
        if (finished || paused) {
          if (paused) {
            out.pause();
          }
          Thread.sleep(20);
          continue;
        }
        out.resume();
        if (t >= duration - 1e-3) {
          out.drain();
          finished = true;
          continue;
        }
        TimeWindow window = new TimeWindow(t, CHUNK_SECONDS);
        // One decode of the chunk, resampled for the ear and for the mel; one opening of the file
        // for the whole play.
        List<PcmBuffer> both = audio.decodeWindowAt(window, RATE, MEL.sampleRate());
        float[] sound = both.get(0).samples();
        float[] low = both.get(1).samples();
        long base = firstFrame;
        mel.accept(low, (i, row) -> feed.add(base + i, row));
        if (low.length > 0) {
          LiveFeatures.Reading r =
              LiveFeatures.analyse(
                  Arrays.copyOfRange(low, Math.max(0, low.length - 2048), low.length),
                  MEL.sampleRate());
          ctx.publish(() -> readings.accept(r));
        }
        if (sound.length == 0) {
          t = duration;
          continue;
        }
        if (!play(sound, ctx)) {
          continue;
        }
        t += CHUNK_SECONDS;
      }
      return null;
    } finally {
      out.close();
    }
  }

  /** Writes one chunk in slices; false when a seek or stop interrupted it. */
  private boolean play(float[] sound, TaskContext ctx) throws InterruptedException {
    int slice = RATE / 10;
    for (int from = 0; from < sound.length; from += slice) {
      while (paused && Double.isNaN(seekTo) && !ctx.isCancelled()) {
        out.pause();
        Thread.sleep(20);
      }
      out.resume();
      if (!Double.isNaN(seekTo) || ctx.isCancelled()) {
        return false;
      }
      float[] part = Arrays.copyOfRange(sound, from, Math.min(sound.length, from + slice));
      out.write(LiveFeatures.gain(part, volume, RATE));
    }
    return true;
  }

  /** Seconds into the track the listener is hearing now. */
  double positionSeconds() {
    AudioOutput out = this.out;
    if (out == null) {
      return 0;
    }
    return Math.min(
        duration, startSeconds + (out.framesPlayed() - startFrames) / (double) out.sampleRate());
  }

  void setPaused(boolean p) {
    paused = p;
  }

  void seek(double seconds) {
    seekTo = seconds;
  }

  void setVolume(double v) {
    volume = Math.max(0, Math.min(1, v));
  }

  boolean finished() {
    return finished;
  }
}
