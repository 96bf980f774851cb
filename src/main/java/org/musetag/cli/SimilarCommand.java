package org.musetag.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.musetag.app.Services;
import org.musetag.library.Library;
import org.musetag.ml.Quadrant;
import org.musetag.similar.SimilarSongs;
import org.musetag.similar.SimilarSongs.Neighbour;
import org.musetag.similar.SoundIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code musetag similar --db DB FILE... [-n 20]}: each file's nearest library tracks, nearest first, as JSON
 * lines.
 */
@Command(
    name = "similar",
    description =
        "List the library tracks that sound most like each FILE (a library track, or any audio file, heard first"
            + " and not added), nearest first, as JSON lines.")
final class SimilarCommand implements Callable<Integer> {
  private final Services services;

  @Spec CommandSpec spec;
  @Mixin DbOption db;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "songs to find neighbours of")
  List<Path> files;

  @Option(
      names = {"-n", "--count"},
      description = "neighbours per song (default: ${DEFAULT-VALUE})")
  int count = 20;

  @Mixin SimilarFilters filters;

  @Option(names = "--threads", description = "worker threads for files outside the library")
  int threads = Runtime.getRuntime().availableProcessors();

  SimilarCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    if (count < 1) {
      throw new ParameterException(spec.commandLine(), "-n must be at least 1, not " + count);
    }
    JsonLines out = new JsonLines(spec.commandLine().getOut());
    int failed = 0;
    try (Library library = db.open(services)) {
      String model = services.model().id();
      SoundIndex index = SoundIndex.load(library, model);
      OtherModelsLine.print(library, model, ", and are not compared", spec.commandLine().getErr());
      SimilarSongs songs = new SimilarSongs(index);
      SimilarSongs.Options o;
      try {
        o = filters.options(count);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      for (SimilarQuery.Query q : SimilarQuery.resolve(services, library, index, files, threads)) {
        if (q.error() != null) {
          failed++;
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("query", q.file().toString());
          row.put("error", q.error());
          out.write(row);
          continue;
        }
        List<Neighbour> near =
            q.row().isPresent()
                ? songs.of(q.row().getAsInt(), o)
                : songs.of(q.vector(), q.file(), null, o);
        for (Neighbour n : near) {
          out.write(line(q.file(), n, model));
        }
      }
    }
    return failed == 0 ? 0 : 1;
  }

  static Map<String, Object> line(Path query, Neighbour n, String model) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("query", query.toString());
    row.put("rank", n.rank());
    row.put("path", n.track().path().toString());
    row.put("distance", Math.round(n.distance() * 10000) / 10000.0);
    row.put("artist", n.track().artist());
    row.put("title", n.track().title());
    row.put("genre", n.track().genre());
    row.put("quadrant", n.track().quadrant());
    row.put("model", model);
    return row;
  }

  /** The filters users expect of neighbours, shared by {@code similar} and {@code playlist --like}. */
  static final class SimilarFilters {
    @Option(
        names = "--same-artist",
        description = "rank the song's own artist like any other (default: other artists first)")
    boolean sameArtist;

    @Option(names = "--genre", description = "only tracks whose most likely genre is this")
    String genre;

    @Option(names = "--quadrant", description = "only tracks in this quadrant: Q1, Q2, Q3 or Q4")
    Quadrant quadrant;

    @Mixin TempoKeyOptions tempoKey;

    SimilarSongs.Options options(int count) {
      return new SimilarSongs.Options(
          count, sameArtist, genre, quadrant == null ? null : quadrant.name(), tempoKey.filter());
    }
  }
}
