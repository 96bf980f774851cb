package org.musetag.similar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.musetag.dsp.KeyEstimator.Key;

class TempoKeyFilterTest {
  @Test
  void aBpmRangeKeepsTracksInItAndDropsThoseWithoutATempo() {
    double[] r = TempoKeyFilter.range("120-130");
    TempoKeyFilter f = new TempoKeyFilter(r[0], r[1], null, null);
    assertThat(f.keeps(120.0, null)).isTrue();
    assertThat(f.keeps(130.0, null)).isTrue();
    assertThat(f.keeps(130.1, null)).isFalse();
    assertThat(f.keeps(null, null)).as("no tempo heard").isFalse();
    double[] open = TempoKeyFilter.range("-90");
    assertThat(new TempoKeyFilter(open[0], open[1], null, null).keeps(60.0, null)).isTrue();
    assertThatThrownBy(() -> TempoKeyFilter.range("130-120")).hasMessageContaining("empty");
    assertThatThrownBy(() -> TempoKeyFilter.range("fast"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keysThatMixAreTheSameCamelotNumberOrOneEitherSideInTheSameMode() {
    Key am = Key.parse("8A");
    assertThat(am.name()).isEqualTo("A minor");
    TempoKeyFilter f = new TempoKeyFilter(Double.NaN, Double.NaN, null, am);
    assertThat(f.keeps(null, Key.parse("A minor"))).isTrue();
    assertThat(f.keeps(null, Key.parse("C major"))).as("relative major, 8B").isTrue();
    assertThat(f.keeps(null, Key.parse("E minor"))).as("9A").isTrue();
    assertThat(f.keeps(null, Key.parse("D minor"))).as("7A").isTrue();
    assertThat(f.keeps(null, Key.parse("G major"))).as("9B: other mode, other number").isFalse();
    assertThat(f.keeps(null, Key.parse("F# minor"))).as("11A").isFalse();
    assertThat(f.keeps(null, null)).isFalse();
    assertThat(Key.parse("12A").mixesWith(Key.parse("1A"))).as("the wheel wraps").isTrue();
  }

  @Test
  void aKeyFilterKeepsOnlyThatKey() {
    TempoKeyFilter f = new TempoKeyFilter(Double.NaN, Double.NaN, Key.parse("C# major"), null);
    assertThat(f.keeps(100.0, Key.parse("Db major"))).isTrue();
    assertThat(f.keeps(100.0, Key.parse("C# minor"))).isFalse();
    assertThat(TempoKeyFilter.ANY.keeps(null, null)).isTrue();
  }
}
