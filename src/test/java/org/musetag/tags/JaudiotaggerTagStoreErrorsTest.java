package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures;
import org.musetag.audio.AudioFixtures.Encoding;

/** Every failure is a TagException naming the file and saying why, and leaves the file as it was. */
class JaudiotaggerTagStoreErrorsTest {
  static final Map<TagField, List<String>> GENRE = Map.of(TagField.GENRE, List.of("rock"));

  @TempDir Path dir;
  TagStore store;

  @BeforeEach
  void createStore() {
    store = new JaudiotaggerTagStore(TagOptions.defaults());
  }

  @Test
  void aReadOnlyFileIsRefusedAndLeftAlone() throws Exception {
    Path file = AudioFixtures.tone(dir, "locked", Encoding.FLAC, 440, 0.5);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> store.write(file, GENRE))
        .isInstanceOf(TagException.class)
        .hasMessage(file + ": cannot write tags: the file is read-only");

    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(store.read(file).get(TagField.GENRE)).isEmpty();
    assertThat(store.whyNotWritable(file))
        .as("what a plan and a dry run show, even when run as root")
        .isEqualTo("cannot write tags: the file is read-only");
  }

  @Test
  void aReadOnlyFileThatNeedsNoChangeIsNotAnError() throws Exception {
    Path file = AudioFixtures.tone(dir, "locked", Encoding.FLAC, 440, 0.5);
    store.write(file, GENRE);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));

    assertThat(store.write(file, GENRE)).isFalse();
  }

  @Test
  void aFileThatVanishedSaysSo() {
    Path gone = dir.resolve("gone.mp3");

    assertThatThrownBy(() -> store.read(gone))
        .isInstanceOf(TagException.class)
        .hasMessage(gone + ": the file no longer exists");
    assertThatThrownBy(() -> store.write(gone, GENRE))
        .hasMessage(gone + ": the file no longer exists");
  }

  @Test
  void opusIsReadAndWrittenWhateverOggExtensionItHas() throws Exception {
    for (String name : List.of("song.opus", "song.ogg")) {
      Path file = OpusFixture.write(dir.resolve(name), Map.of("GENRE", "rock", "MOOD", "calm"));

      assertThat(store.canWrite(file)).as(name).isTrue();
      assertThat(store.read(file).get(TagField.GENRE)).containsExactly("rock");
      assertThat(store.read(file).get(TagField.MOOD)).containsExactly("calm");
      assertThat(store.write(file, GENRE)).isFalse();
      assertThat(store.write(file, Map.of(TagField.GENRE, List.of("jazz")))).isTrue();
      assertThat(store.read(file).get(TagField.GENRE)).containsExactly("jazz");
      assertThat(OpusFixture.values(file, "MOOD")).containsExactly("calm");
    }
  }

  @Test
  void everyOtherFormatCanBeWritten() {
    for (String name : List.of("a.mp3", "a.flac", "a.ogg", "a.m4a", "a.wav", "a.aiff", "A.MP3")) {
      assertThat(store.canWrite(dir.resolve(name))).as(name).isTrue();
    }
    assertThat(store.canWrite(dir.resolve("a.txt"))).isFalse();
  }

  @Test
  void anUnsupportedFormatIsNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "hello");

    assertThatThrownBy(() -> store.read(file))
        .isInstanceOf(TagException.class)
        .hasMessageStartingWith(file + ": is not a file Musetag can tag");
  }

  @Test
  void aTextFileNamedLikeAudioIsReportedAsNotAudio() throws Exception {
    for (String name :
        List.of("fake.mp3", "fake.flac", "fake.ogg", "fake.m4a", "fake.wav", "fake.aiff")) {
      Path file = Files.writeString(dir.resolve(name), "this is not audio\n".repeat(200));

      assertThatThrownBy(() -> store.write(file, GENRE))
          .as(name)
          .isInstanceOf(TagException.class)
          .hasMessageStartingWith(file + ": cannot read tags: ")
          .hasMessageContaining("not");
      assertThat(Files.readString(file)).isEqualTo("this is not audio\n".repeat(200));
    }
  }

  @Test
  void aCorruptFileIsReportedAndLeftAlone() throws Exception {
    Path file = AudioFixtures.tone(dir, "broken", Encoding.FLAC, 440, 0.5);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}), 4);
    }
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> store.write(file, GENRE))
        .isInstanceOf(TagException.class)
        .hasMessageStartingWith(file + ": cannot read tags: ");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void aFolderIsNotAFile() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("album.mp3"));

    assertThatThrownBy(() -> store.read(folder)).hasMessage(folder + ": is not a regular file");
  }

  @Test
  void aWriteThatWouldAlterTheAudioIsUndoneAndLeavesNoTemporaryFile() throws Exception {
    Path file = AudioFixtures.tone(dir, "song", Encoding.MP3, 440, 0.5);
    byte[] before = Files.readAllBytes(file);
    AtomicTagWriter damaging =
        new AtomicTagWriter(
            TagOptions.defaults(),
            copy -> {
              try (FileChannel ch =
                  FileChannel.open(copy, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ByteBuffer one = ByteBuffer.allocate(1);
                ch.read(one, ch.size() / 2);
                ch.write(ByteBuffer.wrap(new byte[] {(byte) (one.get(0) ^ 0x10)}), ch.size() / 2);
              }
            });
    TagStore failing = new JaudiotaggerTagStore(TagOptions.defaults(), damaging);

    assertThatThrownBy(() -> failing.write(file, GENRE))
        .isInstanceOf(TagException.class)
        .hasMessage(
            file
                + ": cannot write tags: the tag library would have altered the audio, nothing was changed");

    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aFileThatDisappearsDuringTheWriteIsReportedAndNothingIsLeftBehind() throws Exception {
    Path file = AudioFixtures.tone(dir, "song", Encoding.FLAC, 440, 0.5);
    TagStore racing =
        new JaudiotaggerTagStore(
            TagOptions.defaults(),
            new AtomicTagWriter(TagOptions.defaults(), copy -> Files.delete(file)));

    assertThatThrownBy(() -> racing.write(file, GENRE))
        .isInstanceOf(TagException.class)
        .hasMessage(file + ": the file no longer exists");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
