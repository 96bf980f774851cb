package org.musetag.ui.player;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import org.musetag.audio.AudioDecoder;
import org.musetag.dsp.LiveFeatures;
import org.musetag.ui.dialog.UserErrors;
import org.musetag.ui.display.TrackRow;
import org.musetag.ui.task.BackgroundTask;
import org.musetag.ui.task.TaskHandle;
import org.musetag.ui.task.TaskRunner;

/**
 * The player: one track at a time, play/pause/seek/volume, the frames of its live mel spectrogram, and a TarsosDSP
 * readout (pitch, level). Without a sound device it plays silently and says so.
 */
public final class PlayerViewModel implements AutoCloseable {
  /** Frames of spectrogram kept for the view: about 65 s at 16 ms a frame. */
  static final int FEED_FRAMES = 4096;

  private final TaskRunner runner;
  private final AudioDecoder decoder;
  private final AudioOutputs outputs;
  private final SpectrogramFeed feed = new SpectrogramFeed(FEED_FRAMES);
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Nothing playing");
  private final ReadOnlyDoubleWrapper duration = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper tempoKey = new ReadOnlyStringWrapper("");
  private final DoubleProperty volume = new SimpleDoubleProperty(0.8);
  private PlaybackEngine engine;
  private double bpm = Double.NaN;
  private Function<Path, Optional<TrackRow>> library = file -> Optional.empty();
  private TaskHandle handle;

  public PlayerViewModel(TaskRunner runner, AudioDecoder decoder, AudioOutputs outputs) {
    this.runner = runner;
    this.decoder = decoder;
    this.outputs = outputs;
    volume.addListener(
        (o, was, now) -> {
          if (engine != null) {
            engine.setVolume(now.doubleValue());
          }
        });
  }

  /** Plays a library track from the start. */
  public void play(TrackRow row) {
    start(row.path(), row.displayName(), row.durationSeconds());
    tempoKey.set(row.tempoKeyText());
    bpm = row.bpm();
  }

  /** Where a file is found in the library, so that one played by path shows its tempo, key and beats. */
  public void setLibrary(Function<Path, Optional<TrackRow>> library) {
    this.library = library;
  }

  /**
   * Plays a file: as its library row when the library holds it, otherwise finding its duration first (in the
   * background).
   */
  public void play(Path file) {
    Optional<TrackRow> row = library.apply(file);
    if (row.isPresent()) {
      play(row.get());
      return;
    }
    runner.run(
        BackgroundTask.of(
                "Opening " + file.getFileName(), ctx -> decoder.probe(file).durationSeconds())
            .onSuccess(d -> start(file, file.getFileName().toString(), d))
            .onFailure(e -> notice.set(UserErrors.describe(e))));
  }

  private void start(Path file, String name, double seconds) {
    stop();
    title.set(name);
    tempoKey.set("");
    bpm = Double.NaN;
    duration.set(seconds);
    feed.clear();
    readout.set("");
    engine = new PlaybackEngine(decoder, file, seconds, outputs, feed, this::show, notice::set);
    engine.setVolume(volume.get());
    PlaybackEngine mine = engine;
    handle =
        runner.run(
            BackgroundTask.of("Playing " + name, mine)
                .onFailure(
                    e -> {
                      if (engine == mine) {
                        playing.set(false);
                        notice.set(UserErrors.describe(e));
                      }
                    }));
    playing.set(true);
    loaded.set(true);
  }

  private void show(LiveFeatures.Reading r) {
    String pitch =
        r.pitchHz() > 0
            ? String.format(
                Locale.ROOT, "pitch %.0f Hz (%.0f %% sure)", r.pitchHz(), r.probability() * 100)
            : "no clear pitch";
    readout.set(pitch + String.format(Locale.ROOT, " · level %.0f dBFS", r.levelDb()));
  }

  /** Play/pause (also restarts a track that has ended). */
  public void togglePlay() {
    if (engine == null) {
      return;
    }
    if (engine.finished()) {
      engine.seek(0);
      engine.setPaused(false);
      playing.set(true);
      return;
    }
    boolean nowPlaying = !playing.get();
    engine.setPaused(!nowPlaying);
    playing.set(nowPlaying);
  }

  public void seek(double seconds) {
    if (engine != null) {
      engine.seek(seconds);
    }
  }

  public void stop() {
    if (handle != null) {
      handle.cancel();
    }
    engine = null;
    handle = null;
    playing.set(false);
    loaded.set(false);
  }

  /** Seconds into the track being heard; polled by the view on each frame. */
  public double positionSeconds() {
    PlaybackEngine e = engine;
    return e == null ? 0 : e.positionSeconds();
  }

  /** Called by the view on each frame: notices the end of the track. */
  public void tick() {
    if (engine != null && engine.finished() && playing.get()) {
      playing.set(false);
    }
  }

  public SpectrogramFeed feed() {
    return feed;
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty durationProperty() {
    return duration.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty playingProperty() {
    return playing.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadedProperty() {
    return loaded.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  /** The tempo the library heard in the track playing, NaN when unknown (a file outside the library). */
  public double bpm() {
    return bpm;
  }

  /** The tempo and key the library heard in the track playing ("" for a file outside the library). */
  public ReadOnlyStringProperty tempoKeyProperty() {
    return tempoKey.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty readoutProperty() {
    return readout.getReadOnlyProperty();
  }

  public DoubleProperty volumeProperty() {
    return volume;
  }

  @Override
  public void close() {
    stop();
  }
}
