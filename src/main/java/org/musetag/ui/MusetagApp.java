package org.musetag.ui;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.musetag.app.Services;
import org.musetag.ui.library.MainWindow;

/**
 * Starts the JavaFX toolkit and opens the main window. Uses {@link Platform#startup} instead of an
 * {@code Application} subclass so the services arrive through a constructor rather than a static field.
 */
public final class MusetagApp {
  private MusetagApp() {}

  public static void launchWith(Services services) {
    Platform.setImplicitExit(true);
    Platform.startup(() -> new MainWindow(services).show(new Stage()));
  }
}
