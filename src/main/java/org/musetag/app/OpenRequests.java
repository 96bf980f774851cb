package org.musetag.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The inbox through which a second start of the desktop app hands its files to the running one: one small text file
 * per request (absolute paths, one a line), written to a temporary name and renamed, so the reader never sees half a
 * request. The reader takes (reads and deletes) requests as they arrive. A folder instead of a socket, because
 * Musetag opens no network connection, not even to localhost (docs/decisions/0007-installer.md).
 */
final class OpenRequests {
  private static final String SUFFIX = ".open";

  /** How often the reader also looks without an event: file-system events are polled on some systems (macOS). */
  private static final long LOOK_EVERY_MS = 1000;

  private final Path folder;

  OpenRequests(Path folder) {
    this.folder = folder;
  }

  /** Writes one request atomically and returns its file, which disappears once the running app has taken it. */
  Path send(List<Path> files) throws IOException {
    Files.createDirectories(folder);
    String name = System.currentTimeMillis() + "-" + UUID.randomUUID();
    Path temp = folder.resolve("." + name + ".tmp");
    List<String> lines =
        files.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
    Files.write(temp, lines, StandardCharsets.UTF_8);
    Path request = folder.resolve(name + SUFFIX);
    Files.move(temp, request, StandardCopyOption.ATOMIC_MOVE);
    return request;
  }

  /** Reads and deletes every waiting request, oldest first; each is the list of files one start asked to open. */
  List<List<Path>> takeAll() throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Path> waiting = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
      ds.forEach(waiting::add);
    }
    waiting.sort(Comparator.comparing(Path::getFileName));
    List<List<Path>> requests = new ArrayList<>();
    for (Path request : waiting) {
      try {
        List<Path> files =
            Files.readAllLines(request, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .map(Path::of)
                .toList();
        Files.delete(request);
        requests.add(files);
      } catch (NoSuchFileException gone) {
        // taken back by its sender, which gave up waiting and opened the window itself
      }
    }
    return requests;
  }

  /**
   * Hands every request to {@code open} as it arrives, until the thread is interrupted or {@code watch} is closed.
   * Requests already waiting are handed over first.
   */
  void watch(Consumer<List<Path>> open, WatchService watch) throws IOException {
    Files.createDirectories(folder);
    folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
    try {
      while (!Thread.currentThread().isInterrupted()) {
        takeAll().forEach(open);
        var key = watch.poll(LOOK_EVERY_MS, TimeUnit.MILLISECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    } catch (ClosedWatchServiceException closed) {
      // the app is shutting down
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static WatchService newWatch() {
    try {
      return FileSystems.getDefault().newWatchService();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
