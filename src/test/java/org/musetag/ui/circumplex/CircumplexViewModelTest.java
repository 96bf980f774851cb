package org.musetag.ui.circumplex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.ml.Quadrant;
import org.musetag.settings.Settings;
import org.musetag.ui.dialog.ScriptedDialogs;
import org.musetag.ui.display.TrackRow;
import org.musetag.ui.task.CurrentThreadTaskRunner;

class CircumplexViewModelTest {
  private final CurrentThreadTaskRunner runner = new CurrentThreadTaskRunner();
  private final ScriptedDialogs dialogs = new ScriptedDialogs();
  private final ObservableList<TrackRow> rows = FXCollections.observableArrayList();

  static TrackRow point(long id, String genre, double v, double a) {
    return new TrackRow(
        id,
        Path.of("/m/" + id + ".ogg"),
        "A" + id,
        "T" + id,
        "",
        "",
        61,
        genre,
        0.7,
        Quadrant.of(v, a),
        0.8,
        v,
        a);
  }

  private CircumplexViewModel vm() {
    rows.setAll(
        point(1, "rock", 0.5, 0.5),
        point(2, "rock", -0.5, 0.6),
        point(3, "jazz", 0.4, -0.7),
        new TrackRow(
            4,
            Path.of("/m/4.ogg"),
            "",
            "not analysed",
            "",
            "",
            10,
            null,
            Double.NaN,
            null,
            Double.NaN,
            Double.NaN,
            Double.NaN));
    return new CircumplexViewModel(rows, runner, dialogs, null, Settings::defaults);
  }

  @Test
  void analysedTracksBecomePointsColouredByGenreWithALegend() {
    CircumplexViewModel vm = vm();
    assertThat(vm.pointsProperty().get().rows()).hasSize(3);
    assertThat(vm.legend()).containsExactly("Rock (2)", "Jazz (1)");
    int[] colours = vm.pointsProperty().get().colours();
    assertThat(colours[0]).isEqualTo(colours[1]).isNotEqualTo(colours[2]);
    rows.remove(0);
    assertThat(vm.pointsProperty().get().rows()).hasSize(2);
  }

  @Test
  void clickingAPointPlaysItAndClickingTheBackgroundFiltersItsQuadrant() {
    CircumplexViewModel vm = vm();
    List<TrackRow> played = new ArrayList<>();
    List<Quadrant> filtered = new ArrayList<>();
    vm.setPlayer(played::add);
    vm.setQuadrantFilter(filtered::add);

    vm.clickAt(0.51, 0.49, 0.03);
    vm.clickAt(-0.6, -0.6, 0.03);

    assertThat(played).extracting(TrackRow::id).containsExactly(1L);
    assertThat(vm.selectedRows()).extracting(TrackRow::id).containsExactly(1L);
    assertThat(filtered).containsExactly(Quadrant.Q3);
  }

  @Test
  void hoverNamesTheTrackUnderTheMouse() {
    CircumplexViewModel vm = vm();
    vm.hoverAt(0.4, -0.69, 0.02);
    assertThat(CircumplexViewModel.describe(vm.hoveredProperty().get()))
        .isEqualTo(
            "A3 – T3\nHeard as Jazz (70 %) · Q4 calm, relaxed\n"
                + "valence +0.40 · arousal -0.70 · confidence 80 %");
    vm.hoverAt(0, 0, 0.02);
    assertThat(vm.hoveredProperty().get()).isNull();
  }

  @Test
  void rubberBandSelectionIsSavedAsAPlaylistAndShownInTheLibrary(@TempDir Path dir)
      throws Exception {
    CircumplexViewModel vm = vm();
    List<Set<Long>> shown = new ArrayList<>();
    vm.setLibraryFilter(shown::add);
    vm.selectRectangle(0, 1, 1, -1);
    assertThat(vm.selectedRows()).extracting(TrackRow::id).containsExactly(1L, 3L);
    assertThat(vm.selectionTextProperty().get()).isEqualTo("2 tracks selected");

    dialogs.saveFile = dir.resolve("happy.m3u8");
    vm.saveSelectionAsPlaylist();
    assertThat(Files.readString(dialogs.saveFile))
        .isEqualTo("#EXTM3U\n#EXTINF:61,A1 – T1\n/m/1.ogg\n#EXTINF:61,A3 – T3\n/m/3.ogg\n");
    vm.showSelectionInLibrary();
    assertThat(shown).containsExactly(Set.of(1L, 3L));
  }
}
