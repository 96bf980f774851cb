import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies the fat jar without the native libraries of other platforms: the ONNX Runtime, SQLite, JNA, JLine and
 * Jansi jars each carry theirs for every operating system (plus macOS debug symbols), about 45 MB the installed
 * app never loads. Run with the JDK's single-file launcher, so it works wherever jpackage does:
 * {@code java installer/StripNatives.java IN.jar OUT.jar linux-x64|linux-aarch64|win-x64|osx-x64|osx-aarch64}.
 */
public final class StripNatives {
  /** Per library: the folder holding its natives, and the sub-folder each platform keeps. */
  private static final Map<String, Map<String, String>> NATIVES = Map.of(
      "ai/onnxruntime/native/", Map.of("linux-x64", "linux-x64", "linux-aarch64", "linux-aarch64",
          "win-x64", "win-x64", "osx-x64", "osx-x64", "osx-aarch64", "osx-aarch64"),
      "org/sqlite/native/", Map.of("linux-x64", "Linux/x86_64", "linux-aarch64", "Linux/aarch64",
          "win-x64", "Windows/x86_64", "osx-x64", "Mac/x86_64", "osx-aarch64", "Mac/aarch64"),
      "com/sun/jna/", Map.of("linux-x64", "linux-x86-64", "linux-aarch64", "linux-aarch64",
          "win-x64", "win32-x86-64", "osx-x64", "darwin-x86-64", "osx-aarch64", "darwin-aarch64"),
      "org/jline/nativ/", Map.of("linux-x64", "Linux/x86_64", "linux-aarch64", "Linux/arm64",
          "win-x64", "Windows/x86_64", "osx-x64", "Mac/x86_64", "osx-aarch64", "Mac/arm64"),
      "org/fusesource/jansi/internal/native/", Map.of("linux-x64", "Linux/x86_64", "linux-aarch64", "Linux/arm64",
          "win-x64", "Windows/x86_64", "osx-x64", "Mac/x86_64", "osx-aarch64", "Mac/arm64"));
  private static final List<String> PLATFORMS = List.of("linux-x64", "linux-aarch64", "win-x64", "osx-x64", "osx-aarch64");

  public static void main(String[] args) throws IOException {
    if (args.length != 3 || !PLATFORMS.contains(args[2])) {
      System.err.println("usage: java StripNatives.java IN.jar OUT.jar " + String.join("|", PLATFORMS));
      System.exit(2);
    }
    String platform = args[2];
    long kept = 0;
    long dropped = 0;
    Path out = Path.of(args[1]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (ZipFile in = new ZipFile(args[0]); ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (isOtherPlatform(entry.getName(), platform)) {
          dropped += entry.getSize();
          continue;
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        zip.putNextEntry(copy);
        try (InputStream data = in.getInputStream(entry)) {
          data.transferTo(zip);
        }
        zip.closeEntry();
        kept += entry.getSize();
      }
    }
    System.out.printf("%s: kept %d MB, dropped %d MB of other platforms' native libraries%n", out, kept >> 20,
        dropped >> 20);
  }

  static boolean isOtherPlatform(String name, String platform) {
    if (name.contains(".dSYM/")) {
      return true;
    }
    for (Map.Entry<String, Map<String, String>> library : NATIVES.entrySet()) {
      String folder = library.getKey();
      if (name.startsWith(folder) && !name.endsWith("/") && !name.endsWith(".class")
          && name.indexOf('/', folder.length()) > 0) {
        return !name.startsWith(folder + library.getValue().get(platform) + "/");
      }
    }
    return false;
  }
}
