package org.musetag.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.musetag.app.Services;
import org.musetag.jobs.CatalogueImport;
import org.musetag.library.Library;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code musetag import --db DB RESULTS [--map FROM=TO]...}: brings the catalogue job's results into the library
 * ({@link CatalogueImport}); prints one JSON line with what was imported and what was not, by reason.
 */
@Command(
    name = "import",
    description = {
      "Bring the results of the Spark catalogue job (its --out folder) into the library, without listening again.",
      "Only rows heard by the library's model are imported; files must be here, the same as the cluster heard them."
    })
final class ImportCommand implements Callable<Integer> {
  private final Services services;

  @Spec CommandSpec spec;
  @Mixin DbOption db;

  @Parameters(index = "0", paramLabel = "RESULTS", description = "the job's output folder")
  Path results;

  @Option(
      names = "--map",
      paramLabel = "FROM=TO",
      description =
          "replace a path prefix as the cluster saw it (hdfs://nn/music/) with this machine's (/home/me/Music/)")
  List<String> maps = new ArrayList<>();

  ImportCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    for (String m : maps) {
      if (m.indexOf('=') <= 0) {
        throw new ParameterException(spec.commandLine(), "--map takes FROM=TO, not " + m);
      }
    }
    ExecutorService pool =
        services.executors().apply(2 * Runtime.getRuntime().availableProcessors());
    CatalogueImport.Report r;
    try (Library library = db.open(services)) {
      r =
          new CatalogueImport(library, services.decoder(), pool)
              .run(results, services.model().id(), maps);
    } finally {
      pool.shutdownNow();
    }
    r.problems().forEach(p -> spec.commandLine().getErr().println("musetag: " + p));
    spec.commandLine().getErr().flush();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("rows", r.rows());
    row.put("imported", r.imported());
    row.put("skipped", r.skipped());
    row.put("other_models", r.otherModels());
    new JsonLines(spec.commandLine().getOut()).write(row);
    return 0;
  }
}
