package org.musetag.ui.settings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.musetag.ml.DevicePreference;
import org.musetag.settings.GenreVocabulary;
import org.musetag.settings.KeyNotation;
import org.musetag.settings.Settings;
import org.musetag.settings.SettingsStore;
import org.musetag.tags.Id3Version;
import org.musetag.tags.TagField;
import org.musetag.tags.WritePolicy;
import org.musetag.ui.dialog.UserErrors;
import org.musetag.ui.task.BackgroundTask;
import org.musetag.ui.task.TaskRunner;

/**
 * The settings form: which tag fields to write and how (the key in which notation), the ID3 version, the thresholds below which nothing is
 * proposed, the genre vocabulary (rename or drop the model's labels), worker threads and the inference device.
 * Everything is validated here, so a mistake is a sentence next to the form and never a saved bad value.
 */
public final class SettingsViewModel {
  /** The fields a user chooses (the model id is written with them automatically). */
  public static final List<TagField> CHOOSABLE =
      List.of(
          TagField.GENRE,
          TagField.MOOD,
          TagField.VALENCE,
          TagField.AROUSAL,
          TagField.BPM,
          TagField.KEY);

  private final TaskRunner runner;
  private final SettingsStore store;
  private final ObjectProperty<Settings> settings;
  private final Consumer<Settings> applied;
  private final Map<TagField, BooleanProperty> fields = new HashMap<>();
  private final ObjectProperty<WritePolicy> genrePolicy = new SimpleObjectProperty<>();
  private final ObjectProperty<WritePolicy> moodPolicy = new SimpleObjectProperty<>();
  private final ObjectProperty<WritePolicy> bpmKeyPolicy = new SimpleObjectProperty<>();
  private final ObjectProperty<KeyNotation> keyNotation = new SimpleObjectProperty<>();
  private final ObjectProperty<Id3Version> id3 = new SimpleObjectProperty<>();
  private final StringProperty minGenreP = new SimpleStringProperty();
  private final StringProperty minMoodConfidence = new SimpleStringProperty();
  private final StringProperty vocabulary = new SimpleStringProperty();
  private final IntegerProperty threads = new SimpleIntegerProperty();
  private final ObjectProperty<DevicePreference> device = new SimpleObjectProperty<>();
  private final ObservableList<String> errors = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ObservableList<String> knownGenres = FXCollections.observableArrayList();

  /**
   * @param applied told about saved settings (e.g. to switch the inference device)
   */
  public SettingsViewModel(
      TaskRunner runner,
      SettingsStore store,
      ObjectProperty<Settings> settings,
      Consumer<Settings> applied) {
    this.runner = runner;
    this.store = store;
    this.settings = settings;
    this.applied = applied;
    CHOOSABLE.forEach(f -> fields.put(f, new SimpleBooleanProperty()));
    revert();
  }

  /** Fills the form from the saved settings. */
  public void revert() {
    Settings s = settings.get();
    CHOOSABLE.forEach(f -> fields.get(f).set(s.fields().contains(f)));
    genrePolicy.set(s.policies().get(TagField.GENRE));
    moodPolicy.set(s.policies().get(TagField.MOOD));
    bpmKeyPolicy.set(s.policies().get(TagField.BPM));
    keyNotation.set(s.keyNotation());
    id3.set(s.id3Version());
    minGenreP.set(String.format(Locale.ROOT, "%.2f", s.minGenreP()));
    minMoodConfidence.set(String.format(Locale.ROOT, "%.2f", s.minMoodConfidence()));
    vocabulary.set(format(s.vocabulary()));
    threads.set(s.threads());
    device.set(s.device());
    errors.clear();
    status.set("");
  }

  /** Validates the form; saves and applies it when it is valid. */
  public void save() {
    List<String> problems = new ArrayList<>();
    Settings s = build(problems);
    errors.setAll(problems);
    if (s == null) {
      status.set("Not saved: please correct what is listed.");
      return;
    }
    runner.run(
        BackgroundTask.of(
                "Saving settings",
                ctx -> {
                  store.save(s);
                  return s;
                })
            .onSuccess(
                saved -> {
                  settings.set(saved);
                  applied.accept(saved);
                  status.set(
                      "Saved. They apply to the next analysis, classification and tag batch.");
                })
            .onFailure(e -> status.set("Not saved: " + UserErrors.describe(e))));
  }

  /** The settings the form describes, or null with the reasons added to {@code problems}. */
  Settings build(List<String> problems) {
    Set<TagField> chosen = new TreeSet<>();
    CHOOSABLE.stream().filter(f -> fields.get(f).get()).forEach(chosen::add);
    if (chosen.isEmpty()) {
      problems.add("Choose at least one field to write.");
    }
    double genreP = fraction(minGenreP.get(), "The minimum genre probability", problems);
    double moodP = fraction(minMoodConfidence.get(), "The minimum mood confidence", problems);
    GenreVocabulary v = parseVocabulary(vocabulary.get(), new HashSet<>(knownGenres), problems);
    int cores = Runtime.getRuntime().availableProcessors();
    if (threads.get() < 1 || threads.get() > 4 * cores) {
      problems.add("Threads must be between 1 and " + 4 * cores + ".");
    }
    if (!problems.isEmpty()) {
      return null;
    }
    Map<TagField, WritePolicy> policies = new HashMap<>();
    policies.put(TagField.GENRE, genrePolicy.get());
    policies.put(TagField.MOOD, moodPolicy.get());
    policies.put(TagField.BPM, bpmKeyPolicy.get());
    policies.put(TagField.KEY, bpmKeyPolicy.get());
    // The form has no field for heads' threshold yet: the stored one is kept (musetag tag
    // --min-head-p overrides it).
    return new Settings(
        chosen,
        policies,
        id3.get(),
        genreP,
        moodP,
        v,
        threads.get(),
        device.get(),
        settings.get().minHeadP(),
        keyNotation.get());
  }

  private static double fraction(String text, String what, List<String> problems) {
    try {
      double v = Double.parseDouble(text.strip().replace(',', '.'));
      if (v >= 0 && v <= 1) {
        return v;
      }
    } catch (NumberFormatException | NullPointerException e) {
      // reported below
    }
    problems.add(what + " must be a number from 0 to 1, such as 0.35.");
    return Double.NaN;
  }

  /**
   * Reads the vocabulary text: one line per label, {@code label = New name} renames it, {@code label = -} drops it,
   * blank lines and lines starting with # are ignored. Labels are checked against {@code known} when it is not
   * empty.
   */
  static GenreVocabulary parseVocabulary(String text, Set<String> known, List<String> problems) {
    Map<String, String> renames = new HashMap<>();
    Set<String> drops = new HashSet<>();
    String[] lines = text == null ? new String[0] : text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String label = eq < 0 ? "" : line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String target = eq < 0 ? "" : line.substring(eq + 1).strip();
      if (label.isEmpty() || target.isEmpty()) {
        problems.add(
            "Genre line "
                + (i + 1)
                + ": write \"label = New name\" to rename, or \"label = -\" to drop.");
      } else if (!known.isEmpty() && !known.contains(label)) {
        problems.add(
            "Genre line "
                + (i + 1)
                + ": the model has no genre \""
                + label
                + "\" (it knows "
                + String.join(", ", new java.util.TreeSet<>(known))
                + ").");
      } else if (target.equals("-")) {
        drops.add(label);
      } else {
        renames.put(label, target);
      }
    }
    return new GenreVocabulary(renames, drops);
  }

  static String format(GenreVocabulary v) {
    StringBuilder s = new StringBuilder();
    new TreeMap<>(v.renames())
        .forEach((from, to) -> s.append(from).append(" = ").append(to).append('\n'));
    new java.util.TreeSet<>(v.drops()).forEach(d -> s.append(d).append(" = -\n"));
    return s.toString();
  }

  public BooleanProperty fieldProperty(TagField f) {
    return fields.get(f);
  }

  public ObjectProperty<WritePolicy> genrePolicyProperty() {
    return genrePolicy;
  }

  public ObjectProperty<WritePolicy> moodPolicyProperty() {
    return moodPolicy;
  }

  /** Fill empty or replace, for the BPM and the key alike (one value each: nothing to merge). */
  public ObjectProperty<WritePolicy> bpmKeyPolicyProperty() {
    return bpmKeyPolicy;
  }

  public ObjectProperty<KeyNotation> keyNotationProperty() {
    return keyNotation;
  }

  public ObjectProperty<Id3Version> id3Property() {
    return id3;
  }

  public StringProperty minGenrePProperty() {
    return minGenreP;
  }

  public StringProperty minMoodConfidenceProperty() {
    return minMoodConfidence;
  }

  public StringProperty vocabularyProperty() {
    return vocabulary;
  }

  public IntegerProperty threadsProperty() {
    return threads;
  }

  public ObjectProperty<DevicePreference> deviceProperty() {
    return device;
  }

  public ObservableList<String> errors() {
    return errors;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** The model's genre labels, for checking and hinting the vocabulary (empty until the model is loaded). */
  public ObservableList<String> knownGenres() {
    return knownGenres;
  }
}
