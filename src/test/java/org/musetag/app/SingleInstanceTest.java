package org.musetag.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two starts against one real instance folder: in this process, and from a second JVM. */
class SingleInstanceTest {
  @TempDir Path folder;
  @TempDir Path music;
  private final ExecutorService listener = Executors.newSingleThreadExecutor();
  private final BlockingQueue<List<Path>> opened = new LinkedBlockingQueue<>();

  @AfterEach
  void stop() {
    listener.shutdownNow();
  }

  @Test
  void theFirstStartRunsAndASecondHandsItsFilesToIt() throws Exception {
    Path song = Files.createFile(music.resolve("song.ogg"));
    try (SingleInstance first =
        SingleInstance.startOrHandOver(folder, List.of(), Duration.ZERO).orElseThrow()) {
      first.listen(opened::add, listener);

      Optional<SingleInstance> second =
          SingleInstance.startOrHandOver(folder, List.of(song), Duration.ofSeconds(10));

      assertThat(second).isEmpty();
      assertThat(opened.poll(10, TimeUnit.SECONDS)).containsExactly(song);
      assertThat(Files.list(folder.resolve("inbox"))).isEmpty();
    }
  }

  @Test
  void aStartWithoutFilesAsksTheRunningWindowToComeToTheFront() throws Exception {
    try (SingleInstance first =
        SingleInstance.startOrHandOver(folder, List.of(), Duration.ZERO).orElseThrow()) {
      first.listen(opened::add, listener);

      assertThat(SingleInstance.startOrHandOver(folder, List.of(), Duration.ofSeconds(10)))
          .isEmpty();
      assertThat(opened.poll(10, TimeUnit.SECONDS)).isEmpty();
    }
  }

  @Test
  void filesHandedOverBeforeTheWindowListensWaitForIt() throws Exception {
    Path song = Files.createFile(music.resolve("early.flac"));
    try (SingleInstance first =
        SingleInstance.startOrHandOver(folder, List.of(), Duration.ZERO).orElseThrow()) {
      assertThat(SingleInstance.startOrHandOver(folder, List.of(song), Duration.ofMillis(200)))
          .isEmpty();

      first.listen(opened::add, listener);

      assertThat(opened.poll(10, TimeUnit.SECONDS)).containsExactly(song);
    }
  }

  @Test
  void whenTheRunningOneHasGoneTheNextStartTakesItsPlace() throws Exception {
    SingleInstance.startOrHandOver(folder, List.of(), Duration.ZERO).orElseThrow().close();

    Optional<SingleInstance> next =
        SingleInstance.startOrHandOver(folder, List.of(), Duration.ZERO);

    assertThat(next).isPresent();
    next.get().close();
  }

  @Test
  void aStartInAnotherProcessHandsItsFileOver() throws Exception {
    Path song = Files.createFile(music.resolve("from another process.mp3"));
    try (SingleInstance first =
        SingleInstance.startOrHandOver(folder, List.of(), Duration.ZERO).orElseThrow()) {
      first.listen(opened::add, listener);

      Process second =
          new ProcessBuilder(
                  javaCommand(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  SecondStart.class.getName(),
                  folder.toString(),
                  song.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();

      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue())
          .as("exit code of the second start")
          .isEqualTo(SecondStart.HANDED_OVER);
      assertThat(opened.poll(10, TimeUnit.SECONDS)).containsExactly(song);
    }
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The second process: starts against the folder with one file; its exit code says what happened. */
  static final class SecondStart {
    static final int HANDED_OVER = 0;
    static final int BECAME_FIRST = 3;

    public static void main(String[] args) throws Exception {
      Optional<SingleInstance> me =
          SingleInstance.startOrHandOver(
              Path.of(args[0]), List.of(Path.of(args[1])), Duration.ofSeconds(20));
      System.exit(me.isPresent() ? BECAME_FIRST : HANDED_OVER);
    }
  }
}
