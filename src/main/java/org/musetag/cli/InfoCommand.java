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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code musetag info FILE...}: what each file is, one JSON object per line; bad files are reported and skipped. */
@Command(name = "info", description = "Show format, codec, rate, channels, duration and tags of audio files as JSON lines.")
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
        row.put("duration_s", Math.round(info.durationSeconds() * 1000) / 1000.0);
        row.put("tags", info.tags());
      } catch (AudioFileException e) {
        row.put("error", e.reason());
        failed++;
      }
      out.write(row);
    }
    return failed == 0 ? 0 : 1;
  }
}
