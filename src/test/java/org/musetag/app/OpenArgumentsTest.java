package org.musetag.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenArgumentsTest {
  @TempDir Path music;

  @Test
  void noArgumentsOpenTheAppWithNothing() {
    assertThat(OpenArguments.filesToOpen()).contains(List.of());
  }

  @Test
  void existingFilesFoldersAndFileUrisAreOpenedInTheApp() throws Exception {
    Path song = Files.createFile(music.resolve("a song.ogg"));
    Path album = Files.createDirectory(music.resolve("album"));

    assertThat(OpenArguments.filesToOpen(song.toString(), album.toUri().toString()))
        .contains(List.of(song, album));
  }

  @Test
  void optionsCommandsAndMissingFilesAreForTheCommandLine() throws Exception {
    Path song = Files.createFile(music.resolve("b.mp3"));

    assertThat(OpenArguments.filesToOpen("--version")).isEmpty();
    assertThat(OpenArguments.filesToOpen("classify", song.toString())).isEmpty();
    assertThat(OpenArguments.filesToOpen(song.toString(), "--json")).isEmpty();
    assertThat(OpenArguments.filesToOpen(music.resolve("missing.mp3").toString())).isEmpty();
  }
}
