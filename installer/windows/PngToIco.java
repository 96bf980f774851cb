import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs the PNG icons from assets/ into the .ico file jpackage wants on Windows (an .ico may hold PNG images since
 * Windows Vista), so the Windows build needs nothing beyond the JDK:
 * {@code java installer/windows/PngToIco.java OUT.ico A.png B.png ...}.
 */
public final class PngToIco {
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: java PngToIco.java OUT.ico IMAGE.png...");
      System.exit(2);
    }
    List<byte[]> images = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      images.add(Files.readAllBytes(Path.of(args[i])));
    }
    int offset = 6 + 16 * images.size();
    int total = offset + images.stream().mapToInt(b -> b.length).sum();
    ByteBuffer ico = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    ico.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
    for (byte[] png : images) {
      int width = ByteBuffer.wrap(png, 16, 4).getInt();   // IHDR, big-endian
      int height = ByteBuffer.wrap(png, 20, 4).getInt();
      ico.put((byte) (width >= 256 ? 0 : width)).put((byte) (height >= 256 ? 0 : height)).put((byte) 0).put((byte) 0);
      ico.putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(offset);
      offset += png.length;
    }
    images.forEach(ico::put);
    Files.write(Path.of(args[0]), ico.array());
  }
}
