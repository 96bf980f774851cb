package org.musetag;

import java.time.Instant;
import java.util.Optional;

/**
 * The process that owns something it may leave behind when it is killed (a tag batch in the journal, a temporary
 * copy beside a file): its pid and start time, so that a later process can tell a live owner from a dead one, and a
 * dead one from an unrelated process that was given the same pid since.
 */
public record ProcessOwner(long pid, long startMs) {
  /** Start times read at different moments may differ by clock adjustments of the boot time; a reused pid does not. */
  private static final long START_TOLERANCE_MS = 2_000;

  /** This process. */
  public static ProcessOwner current() {
    ProcessHandle self = ProcessHandle.current();
    return new ProcessOwner(self.pid(), startMs(self));
  }

  /**
   * False only when the owner is known to be gone: no live process has its pid, or the one that has it started at
   * another time. When the system does not say when a process started, a live pid counts as the owner.
   */
  public boolean isAlive() {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return false;
    }
    long started = startMs(handle.get());
    return startMs == 0 || started == 0 || Math.abs(started - startMs) <= START_TOLERANCE_MS;
  }

  public boolean isCurrent() {
    return pid == ProcessHandle.current().pid();
  }

  private static long startMs(ProcessHandle p) {
    return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }
}
