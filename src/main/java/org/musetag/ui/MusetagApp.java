package org.musetag.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.musetag.app.Services;
import org.musetag.app.SingleInstance;
import org.musetag.ui.shell.MainWindow;

/**
 * Starts the JavaFX toolkit and opens the main window. Uses {@link Platform#startup} instead of an
 * {@code Application} subclass so the services arrive through a constructor rather than a static field.
 */
public final class MusetagApp {
  private MusetagApp() {}

  public static void launchWith(Services services) {
    launchWith(services, List.of(), null);
  }

  /**
   * @param open files and folders to open once the window shows, as if dropped on it
   * @param instance this running instance, whose later starts hand their files to the window; null for none
   */
  public static void launchWith(Services services, List<Path> open, SingleInstance instance) {
    Platform.setImplicitExit(true);
    Platform.startup(
        () -> {
          MainWindow window = new MainWindow(services);
          window.show(new Stage());
          if (!open.isEmpty()) {
            window.handOver(open);
          }
          if (instance != null) {
            instance.listen(window::handOver, services.executors().apply(1));
          }
        });
  }
}
