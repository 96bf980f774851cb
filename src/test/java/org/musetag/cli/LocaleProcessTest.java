package org.musetag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;

/**
 * Musetag works in any locale and with any file name, in a real second JVM. File names are made and passed by
 * {@code sh} from octal escapes, so neither depends on this JVM's own locale.
 */
class LocaleProcessTest {
  private static final String NAME = "Café – Ünïcödé.wav";

  @TempDir Path dir;

  /** No locale at all, as on a bare server or in a service: LANG and every LC_ variable removed. */
  private static Map<String, String> noLocale() {
    Map<String, String> env = new HashMap<>();
    for (String v : List.of("LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES")) {
      env.put(v, null);
    }
    return env;
  }

  @Test
  void infoOpensANonAsciiNameWithNoLocaleSet() throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    AudioFixtures.tone(music, "tone", Encoding.WAV, 440, 1.0);

    SeparateJvmRun r = inShell(music, "mv tone.wav \"$n\"", noLocale(), "info", "$n");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"path\":\"" + NAME + "\"").contains("\"duration_s\"");
  }

  @Test
  void scanIndexesANonAsciiNameWithNoLocaleSet() throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    AudioFixtures.tone(music, "tone", Encoding.WAV, 440, 1.0);

    SeparateJvmRun r =
        inShell(
            music,
            "mv tone.wav \"$n\"",
            noLocale(),
            "scan",
            ".",
            "--db",
            dir.resolve("l.db").toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"added\":1").contains("\"unreadable\":0");
    assertThat(r.err()).doesNotContain("not a recognised audio file");
  }

  @Test
  void aNameThatIsNotValidUtf8SaysSo() throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    AudioFixtures.tone(music, "tone", Encoding.WAV, 440, 1.0);
    Map<String, String> utf8 = new HashMap<>(noLocale());
    utf8.put("LC_ALL", "C.UTF-8");

    SeparateJvmRun info =
        inShell(music, "n=$(printf 'Caf\\351.wav'); mv tone.wav \"$n\"", utf8, "info", "$n");
    SeparateJvmRun scan =
        inShell(music, "", utf8, "scan", ".", "--db", dir.resolve("l.db").toString());

    assertThat(info.out()).contains("its name is not valid UTF-8");
    assertThat(scan.err()).contains("its name is not valid UTF-8");
  }

  /**
   * Runs {@code setup} then the launcher in {@code cwd} under {@code sh}, with {@code $n} holding {@link #NAME}
   * spelled in UTF-8 bytes; {@code args} may refer to {@code "$n"}.
   */
  private SeparateJvmRun inShell(Path cwd, String setup, Map<String, String> env, String... args)
      throws Exception {
    List<String> java = SeparateJvmRun.command(dir.resolve("home"));
    StringBuilder script = new StringBuilder("n=$(printf '" + octal(NAME) + "'); ");
    if (!setup.isEmpty()) {
      script.append(setup).append(" || exit 99; ");
    }
    script.append("exec \"$@\"");
    for (String a : args) {
      script.append(a.equals("$n") ? " \"$n\"" : " '" + a + "'");
    }
    List<String> command = new ArrayList<>(List.of("sh", "-c", script.toString(), "sh"));
    command.addAll(java);
    return SeparateJvmRun.run(command, cwd, env);
  }

  private static String octal(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int u = x & 0xff;
      b.append(
          u < 0x80 && u != '\'' && u != '\\' && u != '%'
              ? String.valueOf((char) u)
              : String.format("\\%03o", u));
    }
    return b.toString();
  }
}
