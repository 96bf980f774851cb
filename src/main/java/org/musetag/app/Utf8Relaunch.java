package org.musetag.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Musetag again in a UTF-8 locale when it was started without one (LANG unset, LC_ALL=C, POSIX). The JVM
 * takes the encoding of file names and arguments ({@code sun.jnu.encoding}) from the locale at start and ignores
 * {@code -Dsun.jnu.encoding}; in ASCII it cannot spell, open or even accept a non-ASCII path. So on Linux the launcher
 * runs itself once more with {@code LC_CTYPE} (or {@code LC_ALL}) set to {@code C.UTF-8} and waits for it. Arguments
 * the JVM has already mangled are recovered as bytes from {@code /proc/self/cmdline} and handed over in a private
 * temporary file (a new process's arguments would be encoded in ASCII again). The variable naming that file also
 * keeps the second process from starting a third. macOS and Windows always use Unicode and never relaunch.
 */
public final class Utf8Relaunch {
  /** Names the file holding the original arguments; set only in the relaunched process. */
  static final String ARGUMENTS_FILE = "MUSETAG_UTF8_ARGUMENTS";

  private static final String LOCALE = "C.UTF-8";
  private static final Logger LOG = LoggerFactory.getLogger(Utf8Relaunch.class);

  private Utf8Relaunch() {}

  /** The exit code of the relaunched Musetag if this process had to relaunch, or empty to carry on here. */
  public static OptionalInt ifNeeded(String[] args) {
    String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
        || encoding.equalsIgnoreCase("UTF-8")
        || System.getenv(ARGUMENTS_FILE) != null) {
      return OptionalInt.empty();
    }
    List<byte[]> argv;
    try {
      argv = split(Files.readAllBytes(Path.of("/proc/self/cmdline")));
    } catch (IOException e) {
      LOG.warn(
          "file names are limited to ASCII ({}): cannot read this process's command line ({})",
          encoding,
          e.getMessage());
      return OptionalInt.empty();
    }
    List<String> command = relaunchCommand(argv, args);
    if (command == null) {
      LOG.warn(
          "file names are limited to ASCII ({}): cannot start Musetag again in {}",
          encoding,
          LOCALE);
      return OptionalInt.empty();
    }
    return run(command, argv.subList(argv.size() - args.length, argv.size()));
  }

  /**
   * In the relaunched process, the original arguments, decoded from their bytes as UTF-8 (bytes that are not become
   * U+FFFD, which the commands report); elsewhere {@code args} unchanged.
   */
  public static String[] arguments(String[] args) {
    String file = System.getenv(ARGUMENTS_FILE);
    if (file == null || file.isEmpty()) {
      return args;
    }
    followParent();
    try {
      Path p = Path.of(file);
      List<byte[]> raw = split(Files.readAllBytes(p));
      Files.deleteIfExists(p);
      return raw.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toArray(String[]::new);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "cannot read the arguments handed over in {} ({}); using the ones given",
          file,
          e.getMessage());
      return args;
    }
  }

  /**
   * The relaunched process ends as soon as the one that started it is gone: whoever stops Musetag (kill -9 included)
   * knows only the first process, and must not leave the second one working on.
   */
  private static void followParent() {
    ProcessHandle.current()
        .parent()
        .ifPresent(
            parent -> {
              Thread watch =
                  new Thread(
                      () -> {
                        // re-parented the moment the parent exits, even before anyone reaps it
                        // (isAlive is still true for a zombie)
                        while (parent.isAlive()
                            && ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L)
                                == parent.pid()) {
                          try {
                            Thread.sleep(100);
                          } catch (InterruptedException e) {
                            return;
                          }
                        }
                        Runtime.getRuntime().halt(137);
                      },
                      "musetag-follow-parent");
              watch.setDaemon(true);
              watch.start();
            });
  }

  /**
   * The executable and JVM options of this process (everything before the program's arguments), or null if they are
   * not plain ASCII or do not match {@code args} (an @argfile, say): those could not be passed on intact.
   */
  static List<String> relaunchCommand(List<byte[]> argv, String[] args) {
    int first = argv.size() - args.length;
    if (first < 1) {
      return null;
    }
    for (int i = 0; i < args.length; i++) {
      if (!asciiPart(argv.get(first + i)).equals(asciiPart(args[i]))) {
        return null;
      }
    }
    List<String> command = new ArrayList<>();
    command.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElse(new String(argv.get(0), StandardCharsets.US_ASCII)));
    for (byte[] option : argv.subList(1, first)) {
      if (!isAscii(option)) {
        return null;
      }
      command.add(new String(option, StandardCharsets.US_ASCII));
    }
    return isAscii(command.get(0).getBytes(StandardCharsets.UTF_8)) ? command : null;
  }

  private static OptionalInt run(List<String> command, List<byte[]> arguments) {
    Path file = null;
    try {
      file =
          Files.createTempFile(
              "musetag-arguments-", ".bin"); // owner-only: the arguments may be private
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      for (byte[] a : arguments) {
        joined.write(a);
        joined.write(0);
      }
      Files.write(file, joined.toByteArray());
      ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
      pb.environment().put(pb.environment().containsKey("LC_ALL") ? "LC_ALL" : "LC_CTYPE", LOCALE);
      pb.environment().put(ARGUMENTS_FILE, file.toString());
      // jpackage's launcher marks its own environment; a second launcher that inherits the mark
      // takes its arguments
      // for the JVM's and prints java's usage instead of starting Musetag
      pb.environment().remove("_JPACKAGE_LAUNCHER");
      Process child = pb.start();
      Thread stop = new Thread(child::destroy, "musetag-relaunch-stop");
      Runtime.getRuntime().addShutdownHook(stop);
      int exit = child.waitFor();
      Runtime.getRuntime().removeShutdownHook(stop);
      return OptionalInt.of(exit);
    } catch (IOException e) {
      LOG.warn(
          "cannot start Musetag again in {} ({}); file names are limited to ASCII",
          LOCALE,
          e.getMessage());
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.of(130);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a private file in the temporary folder; nothing else to do
        }
      }
    }
  }

  /** NUL-separated strings, as in /proc/PID/cmdline (a trailing NUL ends the last one). */
  static List<byte[]> split(byte[] bytes) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        out.add(java.util.Arrays.copyOfRange(bytes, start, i));
        start = i + 1;
      }
    }
    if (start < bytes.length) {
      out.add(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
    }
    return out;
  }

  private static boolean isAscii(byte[] b) {
    for (byte x : b) {
      if (x < 0) {
        return false;
      }
    }
    return true;
  }

  private static String asciiPart(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      if (x >= 0 && x != '?') {
        s.append((char) x);
      }
    }
    return s.toString();
  }

  private static String asciiPart(String s) {
    StringBuilder out = new StringBuilder();
    s.chars().filter(c -> c < 0x80 && c != '?').forEach(c -> out.append((char) c));
    return out.toString();
  }
}
