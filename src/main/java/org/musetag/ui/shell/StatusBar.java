package org.musetag.ui.shell;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.musetag.app.Version;
import org.musetag.ui.display.Icons;
import org.musetag.ui.task.ActiveJob;

/**
 * The bottom line of the main window: device, model, the last outcome, how many tracks an older model heard (with
 * "Hear again"), and every running job with its progress.
 */
final class StatusBar {
  private final MainWindowViewModel vm;
  private final HBox jobs = new HBox(10);

  StatusBar(MainWindowViewModel vm) {
    this.vm = vm;
  }

  Node build() {
    Label version = new Label("Musetag " + Version.current());
    Label device = new Label();
    device.setId("deviceLabel");
    device.textProperty().bind(vm.deviceProperty());
    device
        .tooltipProperty()
        .bind(vm.deviceNoticeProperty().map(n -> n.isBlank() ? null : new Tooltip(n)));
    Label notice = new Label();
    notice.setId("deviceNotice");
    notice.getStyleClass().add("notice");
    notice.textProperty().bind(vm.deviceNoticeProperty());
    notice.setMaxWidth(260);
    Label model = new Label();
    model.setId("modelLabel");
    model.textProperty().bind(vm.modelProperty());
    Label status = new Label();
    status.setId("statusMessage");
    status.textProperty().bind(vm.statusProperty());
    status.setMinWidth(80);
    HBox.setHgrow(status, Priority.ALWAYS);
    status.setMaxWidth(Double.MAX_VALUE);
    Hyperlink details = new Hyperlink("Details…");
    details
        .visibleProperty()
        .bind(vm.lastReportProperty().map(r -> !r.problems().isEmpty()).orElse(false));
    details.managedProperty().bind(details.visibleProperty());
    details.setOnAction(e -> vm.showLastReport());
    Label older = new Label();
    older.setId("otherModels");
    older.textProperty().bind(vm.otherModelsProperty().map(t -> t + " —"));
    Hyperlink hearAgain = new Hyperlink("Hear again");
    hearAgain.setId("hearAgain");
    hearAgain.setTooltip(
        new Tooltip(
            "Analyse them with the bundled model (stop any time; the next run goes on from there)"));
    hearAgain.setOnAction(e -> vm.hearAgain());
    for (Node n : new Node[] {older, hearAgain}) {
      n.visibleProperty().bind(vm.otherModelsProperty().isNotEmpty());
      n.managedProperty().bind(n.visibleProperty());
    }
    jobs.setAlignment(Pos.CENTER_RIGHT);
    vm.activeJobs().addListener((ListChangeListener<ActiveJob>) c -> rebuildJobs());
    HBox bar =
        new HBox(
            8, version, sep(), device, notice, sep(), model, sep(), status, details, older,
            hearAgain, jobs);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(3, 8, 3, 8));
    bar.getStyleClass().add("status-bar");
    bar.setMinHeight(30);
    return bar;
  }

  private void rebuildJobs() {
    jobs.getChildren().clear();
    for (ActiveJob job : vm.activeJobs()) {
      Label title = new Label(job.title());
      title.setMinWidth(Region.USE_PREF_SIZE);
      ProgressBar bar = new ProgressBar();
      bar.setPrefWidth(120);
      bar.progressProperty().bind(job.progressProperty());
      Label message = new Label();
      message.textProperty().bind(job.messageProperty());
      message.setMaxWidth(220);
      Button cancel = new Button(null, Icons.get("cancel", 12));
      cancel.setTooltip(
          new Tooltip("Stop " + job.title().toLowerCase() + " (work done so far is kept)"));
      cancel.setOnAction(e -> job.cancel());
      cancel.getStyleClass().add("flat");
      HBox box = new HBox(6, title, bar, message, cancel);
      box.setAlignment(Pos.CENTER_LEFT);
      box.getStyleClass().add("job");
      jobs.getChildren().add(box);
    }
  }

  private static Separator sep() {
    return new Separator(Orientation.VERTICAL);
  }
}
