package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;

/** JAudioTagger's chatter (it logs a normal WAV write at SEVERE) never reaches the console handlers. */
class JaudiotaggerLoggingTest {
  @TempDir Path dir;

  @Test
  void jaudiotaggerRecordsDoNotReachTheRootLogger() throws Exception {
    List<LogRecord> seen = new ArrayList<>();
    Handler spy =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLoggerName() != null
                && record.getLoggerName().startsWith("org.jaudiotagger")) {
              seen.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    root.addHandler(spy);
    try {
      TagStore store = new JaudiotaggerTagStore(TagOptions.defaults());
      for (Encoding enc : List.of(Encoding.WAV, Encoding.M4A_AAC, Encoding.FLAC, Encoding.AIFF)) {
        Path file = AudioFixtures.tone(dir, "noisy", enc, 440, 0.5);
        store.write(file, TagStoreContractTest.ANALYSIS);
      }
    } finally {
      root.removeHandler(spy);
    }
    assertThat(seen).isEmpty();
  }
}
