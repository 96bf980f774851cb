package org.musetag.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code musetag} command run in a second JVM, started as a user starts it (no {@code -Dai.djl.offline}, the
 * test's classes as the class path), for what only a real process shows: the locale, sockets, re-execution. Output is
 * read as UTF-8 bytes, whatever this JVM's own encoding.
 */
public record SeparateJvmRun(int exit, String out, String err) {

  /** The command line that starts the launcher with data folder {@code home} and {@code args}. */
  public static List<String> command(Path home, String... args) {
    List<String> c =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Dmusetag.home=" + home,
                "-cp",
                System.getProperty("java.class.path"),
                "org.musetag.Launcher"));
    c.addAll(List.of(args));
    return c;
  }

  /**
   * Runs {@code command} in {@code dir}; {@code env} entries are set, or removed where the value is null. DJL's
   * switches and the JVM's option variables are always removed so the child sees only what the launcher does.
   */
  public static SeparateJvmRun run(List<String> command, Path dir, Map<String, String> env)
      throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    for (String name :
        List.of("DJL_OFFLINE", "OPT_OUT_TRACKING", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
      pb.environment().remove(name);
    }
    env.forEach(
        (k, v) -> {
          if (v == null) {
            pb.environment().remove(k);
          } else {
            pb.environment().put(k, v);
          }
        });
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    SeparateJvmRun r =
        new SeparateJvmRun(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }
}
