package org.musetag.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.musetag.app.Services;
import org.musetag.library.AnalysisStore.Analysed;
import org.musetag.library.Library;
import org.musetag.library.PlaylistFile;
import org.musetag.ml.Quadrant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musetag playlist --db FILE --quadrant Q1 [--genre G] --out FILE.m3u8}: a playlist players can open. */
@Command(
    name = "playlist",
    description = "Write an M3U8 playlist of the analysed tracks in a mood quadrant (and genre).")
final class PlaylistCommand implements Callable<Integer> {
  private final Services services;

  @Spec CommandSpec spec;
  @Mixin DbOption db;

  @Option(
      names = "--quadrant",
      required = true,
      description = "Q1 (happy), Q2 (angry), Q3 (sad) or Q4 (calm)")
  Quadrant quadrant;

  @Option(names = "--genre", description = "only tracks whose most likely genre is this")
  String genre;

  @Option(
      names = "--model",
      description =
          "analyses of this model, name@version (default: the bundled model; tracks heard only by another model are left out)")
  String model;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.m3u8",
      description = "playlist to write")
  Path out;

  PlaylistCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    List<Analysed> tracks;
    try (Library library = db.open(services)) {
      String m = model != null ? model : services.model().id();
      tracks =
          library
              .analyses()
              .find(m, quadrant.name(), genre == null ? null : genre.toLowerCase(Locale.ROOT));
      OtherModelsLine.print(library, m, ", and are left out", spec.commandLine().getErr());
    }
    PlaylistFile.Written w =
        PlaylistFile.write(
            out,
            tracks.stream()
                .map(
                    a ->
                        new PlaylistFile.Entry(
                            a.track().path(), a.track().durationSeconds(), a.track().displayName()))
                .toList());
    w.skipped().forEach(p -> spec.commandLine().getErr().println("musetag: skipped " + p));
    spec.commandLine().getErr().flush();
    spec.commandLine().getOut().printf("wrote %d tracks to %s%n", w.entries(), out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
