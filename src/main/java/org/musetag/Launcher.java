package org.musetag;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.musetag.app.AppDirectories;
import org.musetag.app.OpenArguments;
import org.musetag.app.Services;
import org.musetag.app.SingleInstance;
import org.musetag.app.Utf8Relaunch;
import org.musetag.app.Wiring;
import org.musetag.cli.MusetagCommand;
import org.musetag.ml.DjlOffline;
import org.musetag.ui.MusetagApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * Entry point of the runnable jar and of the installed app: no arguments, or only files and folders ("Open with
 * Musetag"), start the desktop app, or hand the files to the one already running; anything else runs the command
 * line. Offline (DJL) and UTF-8 file names (a relaunch where the locale is not UTF-8) are settled first. Kept free of
 * JavaFX types itself, so a fat jar can start JavaFX without the module path.
 */
public final class Launcher {
  private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

  /** How long a second start waits for the running window to take its files before it opens a window itself. */
  private static final Duration HAND_OVER_PATIENCE = Duration.ofSeconds(5);

  private Launcher() {}

  public static void main(String[] given) {
    DjlOffline.ensure();
    OptionalInt relaunched = Utf8Relaunch.ifNeeded(given);
    if (relaunched.isPresent()) {
      System.exit(relaunched.getAsInt());
    }
    String[] args = Utf8Relaunch.arguments(given);
    Optional<List<Path>> open =
        args.length > 0 && isSubcommand(args[0])
            ? Optional.empty()
            : OpenArguments.filesToOpen(args);
    if (open.isPresent()) {
      startDesktop(open.get());
      return;
    }
    Services services = Wiring.create();
    System.exit(MusetagCommand.run(services, args));
  }

  private static void startDesktop(List<Path> files) {
    AppDirectories dirs = AppDirectories.forThisUser();
    SingleInstance instance = null;
    try {
      Optional<SingleInstance> first =
          SingleInstance.startOrHandOver(dirs.instance(), files, HAND_OVER_PATIENCE);
      if (first.isEmpty()) {
        return;
      }
      instance = first.get();
    } catch (IOException e) {
      LOG.warn(
          "cannot check for a running Musetag in {} ({}); opening a window anyway",
          dirs.instance(),
          e.getMessage());
    }
    MusetagApp.launchWith(Wiring.create(), files, instance);
  }

  /** A file named like a subcommand ({@code classify}, {@code help}) must not turn the command into a file to open. */
  private static boolean isSubcommand(String word) {
    return Arrays.stream(MusetagCommand.class.getAnnotation(Command.class).subcommands())
        .map(c -> c.getAnnotation(Command.class).name())
        .anyMatch(word::equals);
  }
}
