package org.musetag.cli;

import java.util.concurrent.Callable;
import org.musetag.app.Services;
import org.musetag.app.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code musetag} command: subcommands for inspecting, analysing and tagging music from a terminal. */
@Command(
    name = "musetag",
    mixinStandardHelpOptions = true,
    versionProvider = MusetagCommand.VersionProvider.class,
    description =
        "Musetag listens to your music and tags it. Without a command, the desktop app starts.",
    subcommands = {
      InfoCommand.class,
      SpectrogramCommand.class,
      ClassifyCommand.class,
      ScanCommand.class,
      SearchCommand.class,
      AnalyzeCommand.class,
      ImportCommand.class,
      PlaylistCommand.class,
      SimilarCommand.class,
      TagCommand.class,
      UndoCommand.class,
      TrainCommand.class,
      ModelsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class MusetagCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.out);
    return 0;
  }

  /** Runs the command line with the given services and returns the exit code. */
  public static int run(Services services, String... args) {
    return commandLine(services).execute(args);
  }

  /** The configured command line, for callers that redirect its output (tests, the launcher). */
  public static CommandLine commandLine(Services services) {
    CommandLine cli = new CommandLine(new MusetagCommand(), new ServicesFactory(services));
    cli.setExecutionExceptionHandler(new UserErrorHandler());
    cli.setCaseInsensitiveEnumValuesAllowed(
        true); // the help says "--device auto, cpu or gpu", in lower case
    return cli;
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"musetag " + Version.current()};
    }
  }
}
