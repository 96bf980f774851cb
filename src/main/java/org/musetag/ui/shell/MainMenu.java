package org.musetag.ui.shell;

import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.musetag.ui.display.Icons;

/** The menu bar, and with it the keyboard shortcuts of the main actions. */
final class MainMenu {
  private final AppViewModels models;
  private final Consumer<String> select;
  private final Runnable focusSearch;
  private final Runnable quit;

  MainMenu(AppViewModels models, Consumer<String> select, Runnable focusSearch, Runnable quit) {
    this.models = models;
    this.select = select;
    this.focusSearch = focusSearch;
    this.quit = quit;
  }

  MenuBar build() {
    MenuItem add = item("Add folder…", "Shortcut+O", models.main::chooseFolder);
    add.setGraphic(Icons.get("folder-add", 16));
    MenuItem classify = item("Classify files…", "Shortcut+Shift+O", models.classify::chooseFiles);
    classify.setGraphic(Icons.get("classify", 16));
    Menu file =
        new Menu(
            "_File",
            null,
            add,
            classify,
            item("Analyse new tracks", "Shortcut+R", models.main::analyze),
            new SeparatorMenuItem(),
            item("Quit", "Shortcut+Q", quit));

    Menu view =
        new Menu(
            "_View",
            null,
            item(
                "Search",
                "Shortcut+F",
                () -> {
                  select.accept("library");
                  focusSearch.run();
                }),
            item("Clear filters", "Shortcut+Shift+F", models.library::clearFilters),
            new SeparatorMenuItem(),
            show("Library", "Shortcut+1", "library"),
            show("Classify", "Shortcut+2", "classify"),
            show("Circumplex", "Shortcut+3", "circumplex"),
            show("Bulk tag", "Shortcut+T", "bulktag"),
            show("Player", "Shortcut+5", "player"),
            show("Settings", "Shortcut+Comma", "settings"));

    Menu playback =
        new Menu(
            "_Playback",
            null,
            item("Play selected track", "Shortcut+Enter", models.library::playSelected),
            item("Play / pause", "Shortcut+P", models.player::togglePlay),
            item("Stop", "Shortcut+Period", models.player::stop));

    Menu help =
        new Menu(
            "_Help",
            null,
            item("Last job report…", "Shortcut+J", models.main::showLastReport),
            new SeparatorMenuItem(),
            item("About Musetag", null, models.main::showAbout));
    return new MenuBar(file, view, playback, help);
  }

  private MenuItem show(String text, String accelerator, String tab) {
    return item(text, accelerator, () -> select.accept(tab));
  }

  private static MenuItem item(String text, String accelerator, Runnable action) {
    MenuItem item = new MenuItem(text);
    if (accelerator != null) {
      item.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    item.setOnAction(e -> action.run());
    return item;
  }
}
