package org.musetag.library;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main of a second JVM for {@link ConcurrentOpenTest}: says it is ready, waits for the go file so that every
 * process opens the library at the same instant, opens it, and exits 0, or prints why it could not and exits 1.
 */
final class OpenInAnotherProcess {
  private OpenInAnotherProcess() {}

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    Path ready = Path.of(args[1]);
    Path go = Path.of(args[2]);
    Files.createFile(ready);
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(go) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    try (Library library = Library.open(db)) {
      library.tracks().all(Track.OK);
      System.out.println("opened");
    } catch (LibraryException e) {
      System.out.println(e.getMessage());
      System.exit(1);
    }
  }
}
