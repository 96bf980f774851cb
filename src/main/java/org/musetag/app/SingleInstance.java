package org.musetag.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One desktop Musetag per user. The first start holds an exclusive lock on {@code lock} in the instance folder for
 * as long as it runs (the operating system drops it when the process ends, however it ends); a later start ("Open
 * with Musetag" on a file while the window is open) writes its files to the {@code inbox} folder the first one
 * watches, and exits. No sockets: Musetag opens no network connection (docs/decisions/0007-installer.md).
 */
public final class SingleInstance implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
  private static final long WAIT_STEP_MS = 50;

  private final FileChannel channel;
  private final FileLock lock;
  private final OpenRequests inbox;
  private final WatchService watch = OpenRequests.newWatch();

  private SingleInstance(FileChannel channel, FileLock lock, OpenRequests inbox) {
    this.channel = channel;
    this.lock = lock;
    this.inbox = inbox;
  }

  /**
   * Becomes the running instance, or hands {@code files} to the one already running.
   *
   * @param folder where the lock file and the inbox are (in the app's data folder)
   * @param files what this start was asked to open (may be empty: the running window then comes to the front)
   * @param patience how long to wait for the running instance to take the request; if it has gone meanwhile, this
   *     start takes its place; if it is still starting (not yet watching), the request waits in the inbox for it
   * @return this start's instance, which must open the window; empty when the files were handed over
   */
  public static Optional<SingleInstance> startOrHandOver(
      Path folder, List<Path> files, Duration patience) throws IOException {
    Optional<SingleInstance> first = tryToBeFirst(folder);
    if (first.isPresent()) {
      return first;
    }
    OpenRequests inbox = new OpenRequests(folder.resolve("inbox"));
    Path request = inbox.send(files);
    long deadline = System.nanoTime() + patience.toNanos();
    while (Files.exists(request) && System.nanoTime() < deadline) {
      sleep();
    }
    if (!Files.exists(request)) {
      LOG.info("handed {} file(s) to the running Musetag", files.size());
      return Optional.empty();
    }
    first = tryToBeFirst(folder);
    if (first.isPresent() && Files.deleteIfExists(request)) {
      LOG.info("the running Musetag has gone; this one opens the window");
      return first;
    }
    first.ifPresent(SingleInstance::close);
    LOG.info("the running Musetag is busy; it opens the file(s) once it is ready");
    return Optional.empty();
  }

  /** The instance when no other holds the lock; empty while another one (in this or another process) runs. */
  static Optional<SingleInstance> tryToBeFirst(Path folder) throws IOException {
    Files.createDirectories(folder);
    FileChannel channel =
        FileChannel.open(
            folder.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return Optional.of(
            new SingleInstance(channel, lock, new OpenRequests(folder.resolve("inbox"))));
      }
    } catch (OverlappingFileLockException heldInThisProcess) {
      // another instance of this JVM holds it (tests run two instances in one process)
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    channel.close();
    return Optional.empty();
  }

  /**
   * Hands every request from later starts to {@code open}, on {@code thread} (a one-thread pool from
   * {@link Services#executors()}), until {@link #close()}. Requests that arrived before this call come first.
   */
  public void listen(Consumer<List<Path>> open, ExecutorService thread) {
    thread.execute(
        () -> {
          try {
            inbox.watch(open, watch);
          } catch (IOException e) {
            LOG.warn(
                "cannot watch for files from later starts ({}); each start opens its own window",
                e.getMessage());
          }
        });
  }

  /** Stops listening and lets the next start be the running instance. */
  @Override
  public void close() {
    try {
      watch.close();
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(WAIT_STEP_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing files to the running Musetag", e);
    }
  }
}
