package org.musetag;

import org.musetag.app.Services;
import org.musetag.app.Wiring;
import org.musetag.cli.MusetagCommand;
import org.musetag.ui.MusetagApp;

/**
 * Entry point of the runnable jar: no arguments start the desktop app, any argument runs the command line. Kept free
 * of JavaFX types itself, so a fat jar can start JavaFX without the module path.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      MusetagApp.launchWith(Wiring.create());
      return;
    }
    Services services = Wiring.create();
    System.exit(MusetagCommand.run(services, args));
  }
}
