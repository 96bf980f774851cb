package org.musetag.jobs;

import java.nio.file.Path;

/** Receives a bulk job's progress and its per-file problems, on the thread that runs the job. */
public interface JobListener {
  void progress(int done, int total);

  void problem(Path file, String reason);

  /** A listener that ignores everything. */
  JobListener QUIET =
      new JobListener() {
        @Override
        public void progress(int done, int total) {}

        @Override
        public void problem(Path file, String reason) {}
      };
}
