package org.musetag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;

/**
 * Musetag is offline by itself: {@code classify} started without {@code -Dai.djl.offline=true} opens no internet
 * socket (DJL's telemetry asks 169.254.169.254 otherwise). Every {@code connect()} of the process tree is seen with
 * strace (installed by .ci/run).
 */
class OfflineProcessTest {
  @TempDir Path dir;

  @Test
  void classifyWithoutTheOfflineFlagConnectsToNothingButLoopback() throws Exception {
    assumeTrue(onPath("strace"), "strace is not installed: cannot watch the process's sockets");
    Path song = AudioFixtures.tone(dir, "song", Encoding.OGG_VORBIS, 440, 3.0);
    Path trace = dir.resolve("connect.trace");
    List<String> command =
        new ArrayList<>(
            List.of("strace", "-f", "-qq", "-e", "trace=connect", "-o", trace.toString()));
    command.addAll(SeparateJvmRun.command(dir.resolve("home"), "classify", song.toString()));

    SeparateJvmRun r = SeparateJvmRun.run(command, dir, Map.of());

    assumeTrue(
        !r.err().contains("PTRACE_TRACEME") && !r.err().contains("ptrace(PTRACE"),
        "strace may not trace here (ptrace not permitted): " + r.err());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"quadrant\"");
    List<String> internet =
        Files.readAllLines(trace).stream()
            .filter(
                l -> l.contains("connect(") && (l.contains("AF_INET,") || l.contains("AF_INET6,")))
            .filter(l -> !isLoopback(l))
            .toList();
    assertThat(internet).as("connect() calls to non-loopback addresses").isEmpty();
  }

  private static boolean isLoopback(String straceLine) {
    return straceLine.contains("\"127.")
        || straceLine.contains("\"::1\"")
        || straceLine.contains("\"::ffff:127.");
  }

  static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }
}
