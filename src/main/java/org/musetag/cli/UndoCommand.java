package org.musetag.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.musetag.app.Services;
import org.musetag.jobs.TagJob;
import org.musetag.library.Library;
import org.musetag.library.TagJournal;
import org.musetag.tags.JaudiotaggerTagStore;
import org.musetag.tags.TagOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code musetag undo --db FILE BATCH}: restores the tags a batch changed; without BATCH, lists the batches. */
@Command(
    name = "undo",
    description = "Restore the tags a batch changed (without BATCH: list past batches).")
final class UndoCommand implements Callable<Integer> {
  private final Services services;

  @Spec CommandSpec spec;
  @Mixin DbOption db;

  @Parameters(
      arity = "0..1",
      paramLabel = "BATCH",
      description = "the batch id printed by 'musetag tag'")
  String batch;

  UndoCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Library library = db.open(services)) {
      if (batch == null) {
        for (TagJournal.Batch b : library.journal().batches()) {
          out.printf(
              "%s  %s  %-11s  %d changes, %d written, %d failed  %s%n",
              b.id(),
              Instant.ofEpochMilli(b.createdAt()),
              b.state(),
              b.changes(),
              b.written(),
              b.failed(),
              b.settings());
        }
        return 0;
      }
      TerminalJobListener listener = new TerminalJobListener(err, "Undoing");
      TagJob.Report r =
          new TagJob(library, new JaudiotaggerTagStore(TagOptions.defaults()))
              .undo(batch, listener);
      listener.finish();
      out.printf(
          "batch %s undone: %d files restored, %d needed nothing, %d could not be restored%n",
          batch, r.written(), r.unchanged(), r.failed());
      return r.failed() > 0 ? 1 : 0;
    }
  }
}
