package org.musetag.jobs;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Tag batch ids as the command line makes them: time of day plus a random suffix, e.g. 20260121-142501-3fa2. */
public final class BatchIds {
  private BatchIds() {}

  public static String next() {
    return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
        + "-"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  }
}
