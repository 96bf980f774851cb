package org.musetag.cli;

import java.nio.file.Path;
import org.musetag.app.Services;
import org.musetag.library.Library;
import org.musetag.library.LibraryException;
import picocli.CommandLine.Option;

/** The {@code --db FILE} option shared by the library commands; default: library.db in the app-data folder. */
final class DbOption {
  @Option(
      names = "--db",
      paramLabel = "FILE",
      description = "library database (default: library.db in Musetag's data folder)")
  Path db;

  Library open(Services services) throws LibraryException {
    return Library.open(db != null ? db : services.directories().home().resolve("library.db"));
  }
}
