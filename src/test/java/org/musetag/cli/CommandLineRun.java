package org.musetag.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import org.musetag.app.AppDirectories;
import org.musetag.app.Services;
import org.musetag.audio.FfmpegAudioDecoder;
import org.musetag.ml.ModelFiles;
import picocli.CommandLine;

/**
 * One {@code musetag} command run in-process with real services whose data folder is a test's folder, and what it
 * printed.
 */
public record CommandLineRun(int exit, String out, String err) {

  /** Runs {@code args} with the data folder {@code home}. */
  public static CommandLineRun in(Path home, String... args) {
    Services services = new Services(new FfmpegAudioDecoder(), new AppDirectories(home),
        new ModelFiles(home.resolve("cache")), Executors::newFixedThreadPool);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = MusetagCommand.commandLine(services);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new CommandLineRun(exit, out.toString(), err.toString());
  }

  /** Standard output as JSON lines. */
  public List<JsonObject> json() {
    return out.lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
  }
}
