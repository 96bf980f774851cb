package org.musetag.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.musetag.app.Services;
import org.musetag.library.Library;
import org.musetag.library.LibraryScanner;
import org.musetag.library.ScanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code musetag scan DIR... --db FILE}: index audio files; incremental, parallel. Every file that could not be read is
 * named on stderr with its reason; a folder that cannot be scanned (missing, a loop) is an error, exit 2, after the
 * other folders are scanned.
 */
@Command(
    name = "scan",
    description = "Index the audio files under folders into the library (incremental).")
final class ScanCommand implements Callable<Integer> {
  private final Services services;

  @Spec CommandSpec spec;
  @Mixin DbOption db;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "folders (or files) to index")
  List<Path> roots;

  @Option(names = "--threads", description = "files probed in parallel (default: 2 x CPU cores)")
  int threads = 2 * Runtime.getRuntime().availableProcessors();

  ScanCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    ExecutorService pool = services.executors().apply(threads);
    TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr(), "Scanning");
    ScanReport r;
    try (Library library = db.open(services)) {
      r =
          new LibraryScanner(library, services.decoder(), pool)
              .scan(roots, progress::update, () -> false);
    } finally {
      progress.finish();
      pool.shutdownNow();
    }
    r.problems().forEach(p -> spec.commandLine().getErr().println("musetag: " + p));
    spec.commandLine().getErr().flush();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("files", r.files());
    row.put("added", r.added());
    row.put("updated", r.updated());
    row.put("unchanged", r.unchanged());
    row.put("unreadable", r.unreadable());
    row.put("missing", r.missing());
    row.put("moved", r.moved());
    new JsonLines(spec.commandLine().getOut()).write(row);
    return r.failedRoots().isEmpty() ? 0 : 2;
  }
}
