package org.musetag.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.musetag.MusetagException;
import org.musetag.app.Services;
import org.musetag.library.Library;
import org.musetag.library.PlaylistFile;
import org.musetag.library.Track;
import org.musetag.ml.Quadrant;
import org.musetag.similar.Journey;
import org.musetag.similar.Placed;
import org.musetag.similar.SimilarSongs;
import org.musetag.similar.SimilarSongs.Neighbour;
import org.musetag.similar.SoundIndex;
import org.musetag.similar.TempoKeyFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code musetag playlist --db FILE (--quadrant Q1 [--genre G] | --like SONG [-n 30] | --from A --to B [-n 20]) --out
 * FILE.m3u8}: a playlist players can open, of a mood quadrant, of a song and the songs that sound like it, or of a
 * journey from one song to another.
 */
@Command(
    name = "playlist",
    description =
        "Write an M3U8 playlist: the analysed tracks in a mood quadrant (and genre), a song and its nearest"
            + " neighbours (--like), or a journey whose steps change gradually from one song to another (--from"
            + " --to).")
final class PlaylistCommand implements Callable<Integer> {
  private final Services services;

  @Spec CommandSpec spec;
  @Mixin DbOption db;

  @Option(
      names = "--quadrant",
      description = "Q1 (happy), Q2 (angry), Q3 (sad) or Q4 (calm): every track in it")
  Quadrant quadrant;

  @Option(names = "--genre", description = "only tracks whose most likely genre is this")
  String genre;

  @Option(
      names = "--like",
      paramLabel = "SONG",
      description =
          "the song (a library track or any audio file) and the tracks that sound most like it")
  Path like;

  @Option(names = "--from", paramLabel = "SONG", description = "a journey from this library track")
  Path from;

  @Option(names = "--to", paramLabel = "SONG", description = "... to this library track")
  Path to;

  @Option(
      names = {"-n", "--count"},
      description = "tracks in the playlist (default: 30 with --like, 20 with --from/--to)")
  Integer count;

  @Mixin TempoKeyOptions tempoKey;

  @Option(
      names = "--same-artist",
      description =
          "with --like: rank the song's own artist like any other (default: other artists first)")
  boolean sameArtist;

  @Option(
      names = "--model",
      description =
          "analyses of this model, name@version (default: the bundled model; tracks heard only by another model are left out)")
  String model;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.m3u8",
      description = "playlist to write")
  Path out;

  PlaylistCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    int modes =
        (quadrant != null ? 1 : 0) + (like != null ? 1 : 0) + (from != null || to != null ? 1 : 0);
    if (modes != 1 || (from == null) != (to == null)) {
      throw new ParameterException(
          spec.commandLine(), "give one of --quadrant Q, --like SONG, or --from SONG --to SONG");
    }
    int n = count != null ? count : like != null ? 30 : 20;
    if (n < (from != null ? 2 : 1)) {
      throw new ParameterException(spec.commandLine(), "-n is too small: " + n);
    }
    TempoKeyFilter filter;
    try {
      filter = tempoKey.filter();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    List<PlaylistFile.Entry> entries;
    try (Library library = db.open(services)) {
      String m = model != null ? model : services.model().id();
      if (quadrant != null) {
        entries =
            library
                .analyses()
                .find(m, quadrant.name(), genre == null ? null : genre.toLowerCase(Locale.ROOT))
                .stream()
                .filter(a -> filter.keeps(a.analysis().tempoKey()))
                .map(
                    a ->
                        entry(
                            a.track().path(), a.track().durationSeconds(), a.track().displayName()))
                .toList();
      } else {
        SoundIndex index = SoundIndex.load(library, m);
        entries = like != null ? liked(library, index, n, filter) : journey(library, index, n);
      }
      OtherModelsLine.print(library, m, ", and are left out", spec.commandLine().getErr());
    }
    PlaylistFile.Written w = PlaylistFile.write(out, entries);
    w.skipped().forEach(p -> spec.commandLine().getErr().println("musetag: skipped " + p));
    spec.commandLine().getErr().flush();
    spec.commandLine().getOut().printf("wrote %d tracks to %s%n", w.entries(), out);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private List<PlaylistFile.Entry> liked(
      Library library, SoundIndex index, int n, TempoKeyFilter filter) throws MusetagException {
    SimilarQuery.Query q = SimilarQuery.resolve(services, library, index, List.of(like), 1).get(0);
    if (q.error() != null) {
      throw new MusetagException("cannot hear " + q.file() + ": " + q.error());
    }
    SimilarSongs.Options o =
        new SimilarSongs.Options(Math.max(1, n - 1), sameArtist, genre, null, filter);
    SimilarSongs songs = new SimilarSongs(index);
    List<PlaylistFile.Entry> entries = new ArrayList<>();
    List<Neighbour> near;
    if (q.row().isPresent()) {
      Placed self = index.placed(q.row().getAsInt());
      entries.add(entry(self));
      near = songs.of(q.row().getAsInt(), o);
    } else {
      entries.add(entry(q.file(), 0, q.file().getFileName().toString()));
      near = songs.of(q.vector(), q.file(), null, o);
    }
    near.stream().limit(n - 1).forEach(nb -> entries.add(entry(nb.track())));
    return entries;
  }

  private List<PlaylistFile.Entry> journey(Library library, SoundIndex index, int n)
      throws MusetagException {
    int a = rowOf(library, index, from);
    int b = rowOf(library, index, to);
    if (a == b) {
      throw new MusetagException("--from and --to are the same song: " + from);
    }
    return Journey.plan(index, a, b, n).stream().map(r -> entry(index.placed(r))).toList();
  }

  private static int rowOf(Library library, SoundIndex index, Path song) throws MusetagException {
    Path f = song.toAbsolutePath().normalize();
    Track t = library.tracks().byPath(f);
    if (t == null) {
      throw new MusetagException(
          f + " is not in the library: a journey goes between library tracks (scan it first)");
    }
    OptionalInt row = index.rowOf(t.id());
    if (row.isEmpty()) {
      throw new MusetagException(
          f + " was not heard by " + index.model() + ": run \"musetag analyze\" first");
    }
    return row.getAsInt();
  }

  private static PlaylistFile.Entry entry(Placed p) {
    return entry(p.path(), p.durationSeconds(), p.displayName());
  }

  private static PlaylistFile.Entry entry(Path path, double seconds, String name) {
    return new PlaylistFile.Entry(path, seconds, name);
  }
}
