package org.musetag.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioDecoder;
import org.musetag.audio.AudioFileException;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.AudioInfo;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.audio.PcmBuffer;
import org.musetag.audio.TimeWindow;

/**
 * A probe that throws for one file (a decoder bug, or a file that drives it out of memory or stack) makes that file
 * unreadable, with the reason, and the scan goes on; it used to end the whole scan with "the scan failed".
 */
class ScanFailureIsPerFileTest {
  @TempDir Path dir;

  @Test
  void aFileWhoseProbeThrowsIsRecordedUnreadableAndTheOthersAreScanned() throws Exception {
    Path music = Files.createDirectories(dir.resolve("music"));
    AudioFixtures.tone(music, "a", Encoding.FLAC, 440, 1.0);
    Path bad = AudioFixtures.tone(music, "b", Encoding.FLAC, 440, 1.0);
    AudioFixtures.tone(music, "c", Encoding.FLAC, 440, 1.0);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Library library = Library.open(dir.resolve("library.db"))) {
      ScanReport r =
          new LibraryScanner(library, new ThrowsFor(bad, new FfmpegAudioDecoder()), pool)
              .scan(List.of(music), (d, t) -> {}, () -> false);

      assertThat(r.added()).isEqualTo(2);
      assertThat(r.unreadable()).isEqualTo(1);
      assertThat(library.tracks().byPath(bad).problem())
          .startsWith("its structure is nested too deeply to read");
    } finally {
      pool.shutdownNow();
    }
  }

  private record ThrowsFor(Path bad, AudioDecoder real) implements AudioDecoder {
    @Override
    public AudioInfo probe(Path file) throws AudioFileException {
      if (file.equals(bad)) {
        throw new StackOverflowError();
      }
      return real.probe(file);
    }

    @Override
    public PcmBuffer decode(Path file, int sampleRate) throws AudioFileException {
      return real.decode(file, sampleRate);
    }

    @Override
    public List<PcmBuffer> decodeWindows(Path file, int sampleRate, List<TimeWindow> windows)
        throws AudioFileException {
      return real.decodeWindows(file, sampleRate, windows);
    }
  }
}
