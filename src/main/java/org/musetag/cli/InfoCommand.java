package org.musetag.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.musetag.app.Services;
import org.musetag.audio.AudioFileException;
import org.musetag.audio.AudioInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code musetag info FILE...}: what each file is, one JSON object per line; bad files are reported and skipped. A
 * file holding less audio than it declares is described with the audio that is there and reported as an error; a
 * misleading name and damaged tags are shown in their own fields.
 */
@Command(
    name = "info",
    description =
        "Show format, codec, rate, channels, duration and tags of audio files as JSON lines.")
final class InfoCommand implements Callable<Integer> {
  private final Services services;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "audio files")
  List<Path> files;

  InfoCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    JsonLines out = new JsonLines(spec.commandLine().getOut());
    int failed = 0;
    for (Path file : files) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("path", file.toString());
      try {
        AudioInfo info = services.decoder().probe(file);
        row.put("format", info.format());
        row.put("codec", info.codec());
        row.put("sample_rate", info.sampleRate());
        row.put("channels", info.channels());
        row.put("duration_s", millis(info.durationSeconds()));
        if (Math.abs(info.declaredSeconds() - info.durationSeconds()) >= 0.001) {
          row.put("declared_duration_s", millis(info.declaredSeconds()));
        }
        row.put("tags", info.tags());
        putIfPresent(row, "misnamed", info.misnamed());
        putIfPresent(row, "tag_problem", info.tagProblem());
        if (info.truncation() != null) {
          // Reported as an error, as for a file that cannot be read at all, but with what is there
          // described.
          row.put("error", info.truncation());
          failed++;
        }
      } catch (AudioFileException e) {
        row.put("error", e.reason());
        failed++;
      }
      out.write(row);
    }
    return failed == 0 ? 0 : 1;
  }

  private static double millis(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }

  private static void putIfPresent(Map<String, Object> row, String key, String value) {
    if (value != null) {
      row.put(key, value);
    }
  }
}
