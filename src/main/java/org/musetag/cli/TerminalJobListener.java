package org.musetag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.musetag.jobs.JobListener;

/** Shows a job's progress on one terminal line and prints each per-file problem on a line of its own. */
final class TerminalJobListener implements JobListener {
  private final PrintWriter err;
  private final TerminalProgress progress;

  TerminalJobListener(PrintWriter err, String what) {
    this.err = err;
    this.progress = new TerminalProgress(err, what);
  }

  @Override
  public void progress(int done, int total) {
    progress.update(done, total);
  }

  @Override
  public void problem(Path file, String reason) {
    err.println();
    err.println("musetag: " + reason);
  }

  void finish() {
    progress.finish();
  }
}
