package org.musetag.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Musetag's version, written into the build by Maven resource filtering. */
public final class Version {
  private Version() {}

  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("/org/musetag/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
