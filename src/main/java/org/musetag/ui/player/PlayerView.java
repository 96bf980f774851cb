package org.musetag.ui.player;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.musetag.ui.display.Formats;
import org.musetag.ui.display.Icons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The player tab: title, notice, transport (play/pause, stop, seek, volume) and the live spectrogram, redrawn on
 * every JavaFX pulse from the position the output reports, so the picture moves with the sound.
 */
public final class PlayerView {
  private static final Logger LOG = LoggerFactory.getLogger(PlayerView.class);

  private final PlayerViewModel vm;
  private final SpectrogramCanvas spectrogram = new SpectrogramCanvas();
  private final Slider seek = new Slider(0, 1, 0);
  private final Label time = new Label("0:00 / 0:00");
  private final Label fps = new Label();
  private long lastLog;
  private final AnimationTimer timer =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          frame(now);
        }
      };

  public PlayerView(PlayerViewModel vm) {
    this.vm = vm;
  }

  public Node build() {
    Label title = new Label();
    title.getStyleClass().add("heading");
    title.textProperty().bind(vm.titleProperty());
    Label notice = new Label();
    notice.setId("playerNotice");
    notice.getStyleClass().add("notice-text");
    notice.textProperty().bind(vm.noticeProperty());
    notice.setWrapText(true);
    Label readout = new Label();
    readout.setId("playerReadout");
    readout.getStyleClass().add("subtle");
    readout.textProperty().bind(vm.readoutProperty());
    Label tempoKey = new Label();
    tempoKey.setId("playerTempoKey");
    tempoKey.getStyleClass().add("subtle");
    tempoKey.textProperty().bind(vm.tempoKeyProperty());
    VBox head = new VBox(4, title, tempoKey, notice, readout);
    head.setPadding(new Insets(10, 10, 6, 10));

    Pane holder = new Pane(spectrogram.canvas());
    spectrogram.canvas().widthProperty().bind(holder.widthProperty());
    spectrogram.canvas().heightProperty().bind(holder.heightProperty());
    holder.setMinSize(200, 120);
    Label caption =
        new Label(
            "Live mel spectrogram (MelSpec v1: 64 bands, 0–8 kHz, what the model hears),"
                + " newest on the right");
    caption.getStyleClass().add("subtle");
    fps.setId("spectrogramFps");
    fps.getStyleClass().add("subtle");
    HBox under = new HBox(12, caption, fps);
    VBox middle = new VBox(4, holder, under);
    VBox.setVgrow(holder, Priority.ALWAYS);
    middle.setPadding(new Insets(0, 10, 0, 10));

    Button play = new Button();
    play.setId("playPause");
    play.graphicProperty().bind(vm.playingProperty().map(p -> Icons.get(p ? "pause" : "play", 18)));
    play.setTooltip(new Tooltip("Play / pause (Ctrl+P)"));
    play.disableProperty().bind(vm.loadedProperty().not());
    play.setOnAction(e -> vm.togglePlay());
    Button stop = new Button(null, Icons.get("stop", 18));
    stop.setTooltip(new Tooltip("Stop"));
    stop.disableProperty().bind(vm.loadedProperty().not());
    stop.setOnAction(e -> vm.stop());
    seek.setId("seek");
    seek.maxProperty().bind(vm.durationProperty());
    seek.disableProperty().bind(vm.loadedProperty().not());
    seek.valueChangingProperty()
        .addListener(
            (o, was, now) -> {
              if (!now) {
                vm.seek(seek.getValue());
              }
            });
    seek.setOnMouseReleased(e -> vm.seek(seek.getValue()));
    HBox.setHgrow(seek, Priority.ALWAYS);
    time.setMinWidth(90);
    Slider volume = new Slider(0, 1, 0.8);
    volume.setPrefWidth(110);
    volume.valueProperty().bindBidirectional(vm.volumeProperty());
    volume.setTooltip(new Tooltip("Volume"));
    HBox controls = new HBox(8, play, stop, time, seek, Icons.get("volume", 18), volume);
    controls.setAlignment(Pos.CENTER_LEFT);
    controls.setPadding(new Insets(8, 10, 10, 10));
    controls.getStyleClass().add("tool-row");
    return new BorderPane(middle, head, null, controls, null);
  }

  /** Animates only while {@code showing} (the player tab is selected). */
  public void setShowing(ObservableBooleanValue showing) {
    showing.addListener(
        (o, was, now) -> {
          if (now) {
            timer.start();
          } else {
            timer.stop();
          }
        });
    if (showing.get()) {
      timer.start();
    }
  }

  private void frame(long now) {
    vm.tick();
    double position = vm.positionSeconds();
    spectrogram.draw(position, vm.feed(), now, vm.bpm());
    if (!seek.isValueChanging() && !seek.isPressed()) {
      seek.setValue(position);
    }
    time.setText(
        Formats.duration(position) + " / " + Formats.duration(vm.durationProperty().get()));
    double rate = spectrogram.framesPerSecond();
    fps.setText(rate > 0 ? String.format(Locale.ROOT, "%.0f frames/s", rate) : "");
    if (vm.playingProperty().get() && now - lastLog > 5_000_000_000L && rate > 0) {
      lastLog = now;
      LOG.info("spectrogram redraws: {} frames/s", String.format(Locale.ROOT, "%.1f", rate));
    }
  }

  /** Redraws per second measured over the last second. */
  public double framesPerSecond() {
    return spectrogram.framesPerSecond();
  }

  /** How many beats the spectrogram marks now (none when the track's tempo is unknown). */
  public int beatsShown() {
    return spectrogram.beatsShown();
  }
}
