package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.ProcessOwner;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;

/**
 * Temporary copies left by a killed Musetag are removed by the next write in their folder; a live process's copy,
 * and every file or link that is not named exactly as Musetag names its copies, stays.
 */
class TagTemporariesTest {
  @TempDir Path dir;
  private ProcessOwner dead;

  @BeforeEach
  void aProcessThatHasEnded() throws Exception {
    Process p = new ProcessBuilder("true").start();
    ProcessHandle handle = p.toHandle();
    long start = handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    dead = new ProcessOwner(p.pid(), start);
  }

  @Test
  void aWriteRemovesTheCopiesOfDeadProcessesInItsFolderAndNothingElse() throws Exception {
    Path song = AudioFixtures.tone(dir, "song", Encoding.FLAC, 440, 1.0);
    ProcessOwner self = ProcessOwner.current();
    Path stale = litter(name(dead, "00000000deadbeef"));
    Path reusedPid =
        litter(name(new ProcessOwner(self.pid(), self.startMs() - 3_600_000), "0123456789abcdef"));
    Path oldUnowned = litter(".musetag-1234567890123456789.tmp");
    Files.setLastModifiedTime(oldUnowned, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    List<Path> kept =
        new ArrayList<>(
            List.of(
                litter(name(self, "fedcba9876543210")), // a live process's copy
                litter(".musetag-987654321.tmp"), // an old-style copy that may still be in use
                litter(name(dead, "00000000deadbeef") + ".bak"),
                litter(name(dead, "00000000DEADBEEF")),
                litter(name(dead, "deadbeef")),
                litter(".musetag-notes.tmp"),
                litter("musetag-" + dead.pid() + "-" + dead.startMs() + "-00000000deadbeef.tmp"),
                litter(".musetag-" + dead.pid() + ".tmp.part")));
    Path folder = Files.createDirectory(dir.resolve(name(dead, "1111111111111111")));
    Path target = litter("precious.txt");
    Path link = Files.createSymbolicLink(dir.resolve(name(dead, "2222222222222222")), target);
    kept.addAll(List.of(folder, target, link));

    new JaudiotaggerTagStore(TagOptions.defaults())
        .write(song, Map.of(TagField.GENRE, List.of("Rock")));

    assertThat(stale).doesNotExist();
    assertThat(reusedPid).as("a copy whose pid now belongs to another process").doesNotExist();
    assertThat(oldUnowned).doesNotExist();
    for (Path p : kept) {
      assertThat(Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .as("%s is kept", p)
          .isTrue();
    }
    assertThat(Files.readString(target)).isEqualTo("mine");
  }

  @Test
  void aWriteWorksOnACopyNamedForThisProcessAndLeavesNoneBehind() throws Exception {
    Path song = AudioFixtures.tone(dir, "song", Encoding.MP3, 440, 1.0);
    List<String> copies = new ArrayList<>();
    AtomicTagWriter writer =
        new AtomicTagWriter(
            TagOptions.defaults(), copy -> copies.add(copy.getFileName().toString()));

    new JaudiotaggerTagStore(TagOptions.defaults(), writer)
        .write(song, Map.of(TagField.GENRE, List.of("Rock")));

    ProcessOwner self = ProcessOwner.current();
    assertThat(copies)
        .singleElement()
        .asString()
        .startsWith(".musetag-" + self.pid() + "-" + self.startMs() + "-")
        .matches(TagTemporaries.OWNED);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(song);
    }
  }

  @Test
  void nothingIsRemovedWhileItsProcessLives() throws Exception {
    Path live = litter(name(ProcessOwner.current(), "abcdefabcdefabcd"));

    assertThat(TagTemporaries.removeStale(dir)).isEmpty();
    assertThat(live).exists();
  }

  @Test
  void anOggWriteNamesItsCopyForThisProcessAndClearsDeadOnes() throws Exception {
    Path song = AudioFixtures.tone(dir, "song", Encoding.OGG_VORBIS, 440, 1.0);
    Path stale = litter(name(dead, "00000000deadbeef"));
    List<String> copies = new ArrayList<>();
    TagStore store = new JaudiotaggerTagStore(TagOptions.defaults());

    assertThat(store.write(song, Map.of(TagField.GENRE, List.of("rock")))).isTrue();

    assertThat(stale).doesNotExist();
    try (var files = Files.list(dir)) {
      files.forEach(f -> copies.add(f.getFileName().toString()));
    }
    assertThat(copies).containsExactly("song.ogg");
  }

  private static String name(ProcessOwner owner, String random) {
    return ".musetag-" + owner.pid() + "-" + owner.startMs() + "-" + random + ".tmp";
  }

  private Path litter(String name) throws Exception {
    return Files.writeString(dir.resolve(name), "mine");
  }
}
