package org.musetag.similar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musetag.similar.SimilarSongs.Neighbour;
import org.musetag.similar.SimilarSongs.Options;

class SimilarSongsTest {
  private final SoundIndex index = Analyses.index(400, 7);
  private final SimilarSongs songs = new SimilarSongs(index);

  @Test
  void theQueryIsNeverListedAndRanksCountFromOne() {
    for (int row = 0; row < 40; row++) {
      List<Neighbour> near = songs.of(row, new Options(20, true, null, null));
      assertThat(near).hasSize(20);
      long self = index.placed(row).trackId();
      assertThat(near).noneMatch(n -> n.track().trackId() == self);
      assertThat(near.stream().map(Neighbour::rank).toList())
          .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
    }
  }

  @Test
  void otherArtistsComeFirstUnlessSameArtistIsAsked() {
    String artist = index.placed(0).artist();
    List<Neighbour> others = songs.of(0, Options.nearest(30));
    assertThat(others).allMatch(n -> !n.track().artist().equals(artist));
    List<Neighbour> all = songs.of(0, new Options(30, true, null, null));
    assertThat(all).anyMatch(n -> n.track().artist().equals(artist));
    // 40 tracks per artist: asking for all 399 others lists the 39 by the same artist last
    List<Neighbour> every = songs.of(0, Options.nearest(399));
    assertThat(every).hasSize(399);
    assertThat(every.subList(360, 399)).allMatch(n -> n.track().artist().equals(artist));
    assertThat(every.subList(0, 360)).noneMatch(n -> n.track().artist().equals(artist));
  }

  @Test
  void filtersKeepOnlyTheGenreAndQuadrantAsked() {
    List<Neighbour> near = songs.of(3, new Options(15, false, "Jazz", "q3"));
    assertThat(near).isNotEmpty();
    assertThat(near).allMatch(n -> n.track().genre().equals("jazz"));
    assertThat(near).allMatch(n -> n.track().quadrant().equals("Q3"));
  }

  @Test
  void aFileOutsideTheIndexIsComparedByItsVectorAndItsOwnPathIsLeftOut() {
    float[] v = index.vector(5);
    List<Neighbour> near =
        songs.of(v, index.placed(5).path(), null, new Options(5, true, null, null));
    assertThat(near).noneMatch(n -> n.track().path().equals(index.placed(5).path()));
    List<Neighbour> fromElsewhere =
        songs.of(
            v, java.nio.file.Path.of("/elsewhere.ogg"), null, new Options(5, true, null, null));
    assertThat(fromElsewhere.get(0).track().trackId())
        .as("the same sound from another file finds the library track first")
        .isEqualTo(index.placed(5).trackId());
    assertThat(fromElsewhere.get(0).distance()).isLessThan(1e-5);
  }
}
