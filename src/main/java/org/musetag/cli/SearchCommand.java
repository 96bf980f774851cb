package org.musetag.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.musetag.app.Services;
import org.musetag.dsp.TempoKey;
import org.musetag.library.Library;
import org.musetag.library.Track;
import org.musetag.similar.TempoKeyFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code musetag search --db FILE QUERY [--bpm MIN-MAX] [--key KEY] [--mixes-with KEY]}: full-text search over
 * artist, title, album, genre and mood, with the tempo and key the bundled model's analysis heard.
 */
@Command(
    name = "search",
    description =
        "Search the library by artist, title, album, genre or mood (words match as prefixes).")
final class SearchCommand implements Callable<Integer> {
  private final Services services;

  @Spec CommandSpec spec;
  @Mixin DbOption db;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "words to look for")
  List<String> words;

  @Option(names = "--limit", description = "most results to show (default: ${DEFAULT-VALUE})")
  int limit = 100;

  @Mixin TempoKeyOptions tempoKey;

  SearchCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    JsonLines out = new JsonLines(spec.commandLine().getOut());
    TempoKeyFilter filter;
    try {
      filter = tempoKey.filter();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try (Library library = db.open(services)) {
      List<Track> hits = library.tracks().search(String.join(" ", words), limit);
      Map<Long, TempoKey> heard =
          library
              .analyses()
              .tempoKeys(services.model().id(), hits.stream().map(Track::id).toList());
      for (Track t : hits) {
        TempoKey tk = heard.getOrDefault(t.id(), TempoKey.NONE);
        if (!filter.isAny() && !filter.keeps(tk)) {
          continue;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("path", t.path().toString());
        row.put("artist", t.artist());
        row.put("title", t.title());
        row.put("album", t.album());
        row.put("genre", t.genre());
        row.put("mood", t.mood());
        if (tk.tempo() != null) {
          row.put("bpm", tk.tempo().bpm());
        }
        if (tk.key() != null) {
          row.put("key", tk.key().name());
          row.put("key_camelot", tk.key().camelot());
        }
        out.write(row);
      }
      OtherModelsLine.print(
          library,
          services.model().id(),
          " (their genre and mood words are that model's)",
          spec.commandLine().getErr());
    }
    return 0;
  }
}
