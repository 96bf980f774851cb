package org.musetag.ui.library;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.musetag.app.Services;
import org.musetag.app.Version;

/** The main window: menu, library area and status bar. The library views fill it in later issues. */
public final class MainWindow {
  private final Services services;

  public MainWindow(Services services) {
    this.services = services;
  }

  public void show(Stage stage) {
    MenuItem quit = new MenuItem("Quit");
    quit.setOnAction(e -> stage.close());
    MenuBar menu = new MenuBar(new Menu("File", null, quit));

    Label empty = new Label("Drop music files or folders here to get started.");
    Label status = new Label("Musetag " + Version.current() + " · ready");
    status.setPadding(new Insets(4, 8, 4, 8));

    BorderPane root = new BorderPane(new StackPane(empty), menu, null, status, null);
    stage.setTitle("Musetag");
    stage.setScene(new Scene(root, 1100, 720));
    stage.show();
  }
}
