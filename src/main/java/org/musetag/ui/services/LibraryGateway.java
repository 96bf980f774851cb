package org.musetag.ui.services;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.musetag.library.Library;
import org.musetag.library.LibraryException;
import org.musetag.ui.task.FxThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI's door to the library database, following the one-writer rule (docs/decisions/0005): a writer connection
 * confined to one thread for scans, analyses and tag batches, and a reader connection confined to another, so the
 * table stays browsable while a long job writes (WAL). Called from background work only: calling it on the FX
 * thread fails at once, which is how the "nothing slow on the FX thread" rule is checked in every test.
 */
public final class LibraryGateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LibraryGateway.class);

  /** Work against one confined connection. */
  @FunctionalInterface
  public interface LibraryWork<T> {
    T run(Library library) throws Exception;
  }

  private final Path file;
  private final ExecutorService readerThread;
  private final ExecutorService writerThread;
  private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
  private Library reader;
  private Library writer;

  /** @param readerThread and {@code writerThread} must each be single-threaded */
  public LibraryGateway(Path file, ExecutorService readerThread, ExecutorService writerThread) {
    this.file = file;
    this.readerThread = readerThread;
    this.writerThread = writerThread;
  }

  public Path file() {
    return file;
  }

  /** Runs {@code work} on the reader connection and waits for it. */
  public <T> T read(LibraryWork<T> work) throws Exception {
    ensureOpen();
    return await(readerThread.submit(() -> work.run(reader)));
  }

  /** Runs {@code work} on the writer connection and waits for it; writes queue behind each other. */
  public <T> T write(LibraryWork<T> work) throws Exception {
    ensureOpen();
    return await(writerThread.submit(() -> work.run(writer)));
  }

  /** {@code listener} runs (on a background thread) after work that changed tracks, analyses or tags. */
  public void addChangeListener(Runnable listener) {
    changeListeners.add(listener);
  }

  /** Tells the listeners that the library changed. */
  public void changed() {
    changeListeners.forEach(Runnable::run);
  }

  private synchronized void ensureOpen() throws Exception {
    FxThread.checkNotOn("library access");
    if (writer == null) {
      // The writer opens first: it applies migrations, so the reader never races it.
      writer = await(writerThread.submit(() -> Library.open(file)));
      reader = await(readerThread.submit(() -> Library.open(file)));
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LibraryException("stopped while waiting for the library");
    }
  }

  @Override
  public synchronized void close() {
    closeOn(readerThread, reader);
    closeOn(writerThread, writer);
    reader = null;
    writer = null;
    readerThread.shutdown();
    writerThread.shutdown();
  }

  private static void closeOn(ExecutorService thread, Library library) {
    if (library == null) {
      return;
    }
    try {
      thread
          .submit(
              () -> {
                library.close();
                return null;
              })
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.warn("closing the library failed: {}", e.getCause().getMessage());
    }
  }
}
