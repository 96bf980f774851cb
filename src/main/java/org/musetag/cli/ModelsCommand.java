package org.musetag.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.musetag.app.Services;
import org.musetag.ml.heads.HeadRegistry;
import org.musetag.ml.heads.metrics.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code musetag models list|activate NAME VERSION|rollback NAME|delete NAME VERSION}: the heads trained with
 * {@code musetag train}, kept in the model registry in Musetag's data folder. Without a subcommand it lists them.
 */
@Command(
    name = "models",
    description = "List, activate, roll back or delete the heads made by 'musetag train'.",
    subcommands = {
      ModelsCommand.ListHeads.class,
      ModelsCommand.Activate.class,
      ModelsCommand.Rollback.class,
      ModelsCommand.Delete.class
    })
final class ModelsCommand implements Callable<Integer> {
  private final Services services;

  @Spec CommandSpec spec;

  ModelsCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    return ListHeads.list(services, spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  static HeadRegistry registry(Services services) {
    return new HeadRegistry(services.directories().home().resolve("models"));
  }

  /** {@code musetag models list}: one JSON line per version. */
  @Command(name = "list", description = "Every version of every head, one JSON line each.")
  static final class ListHeads implements Callable<Integer> {
    private final Services services;

    @Spec CommandSpec spec;

    ListHeads(Services services) {
      this.services = services;
    }

    @Override
    public Integer call() throws Exception {
      return list(services, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * One JSON line per version; {@code "status"} says whether it can be applied, or that it needs retraining on
     * the bundled model, and a line on {@code err} names the command that retrains each such head.
     */
    static int list(Services services, PrintWriter out, PrintWriter err) throws Exception {
      JsonLines json = new JsonLines(out);
      String current = services.model().id();
      Set<String> toRetrain = new TreeSet<>();
      for (HeadRegistry.Version v : registry(services).list()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", v.name());
        row.put("version", v.version());
        row.put("active", v.active());
        row.put("kind", v.card().kind().id());
        row.put("created", v.card().created());
        row.put("outputs", v.card().outputs());
        row.put("tag_field", v.card().tagField());
        row.put("backbone", v.card().backbone());
        boolean stale = v.card().needsRetraining(current);
        row.put("status", v.card().status(current));
        if (stale) {
          toRetrain.add(v.name());
        }
        row.put("examples", v.card().data().used());
        scores(v.card().evaluation(), row);
        row.put("path", v.dir().toString());
        json.write(row);
      }
      for (String name : toRetrain) {
        err.printf(
            "musetag: %s was trained on another model than %s and is not applied:"
                + " retrain it with \"musetag train --retrain %s\"%n",
            name, current, name);
      }
      err.flush();
      return 0;
    }

    private static void scores(Evaluation e, Map<String, Object> row) {
      if (e.classification() != null) {
        row.put("cv_accuracy", round(e.classification().accuracy()));
        row.put("cv_macro_f1", round(e.classification().macroF1()));
      } else {
        e.regression().forEach((k, m) -> row.put("cv_" + k + "_r", round(m.pearson())));
      }
    }

    private static double round(double x) {
      return Math.round(x * 1000) / 1000.0;
    }
  }

  /** A subcommand that changes the registry and says in one line what it did. */
  abstract static class RegistryChange implements Callable<Integer> {
    private final Services services;

    @Spec CommandSpec spec;

    RegistryChange(Services services) {
      this.services = services;
    }

    /** Makes the change; returns the sentence that reports it. */
    abstract String change(HeadRegistry registry) throws Exception;

    @Override
    public final Integer call() throws Exception {
      String said = change(registry(services));
      spec.commandLine().getOut().println(said);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** {@code musetag models activate NAME VERSION}. */
  @Command(
      name = "activate",
      description = "Make a version of a head the one classify, analyze and tag use.")
  static final class Activate extends RegistryChange {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "VERSION")
    int version;

    Activate(Services services) {
      super(services);
    }

    @Override
    String change(HeadRegistry registry) throws Exception {
      registry.activate(name, version);
      return name
          + " version "
          + version
          + " is active (roll back with: musetag models rollback "
          + name
          + ")";
    }
  }

  /** {@code musetag models rollback NAME}. */
  @Command(
      name = "rollback",
      description = "Go back to the version of a head that was active before (or to none).")
  static final class Rollback extends RegistryChange {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    Rollback(Services services) {
      super(services);
    }

    @Override
    String change(HeadRegistry registry) throws Exception {
      Optional<Integer> now = registry.rollback(name);
      return now.map(v -> name + ": version " + v + " is active again")
          .orElse(name + ": no version is active now; the bundled model decides alone");
    }
  }

  /** {@code musetag models delete NAME VERSION}. */
  @Command(name = "delete", description = "Delete a version of a head (not the active one).")
  static final class Delete extends RegistryChange {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "VERSION")
    int version;

    Delete(Services services) {
      super(services);
    }

    @Override
    String change(HeadRegistry registry) throws Exception {
      registry.delete(name, version);
      return "deleted " + name + " version " + version;
    }
  }
}
