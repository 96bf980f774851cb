package org.musetag.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.musetag.MusetagException;
import org.musetag.ml.DevicePreference;
import org.musetag.tags.Id3Version;
import org.musetag.tags.TagField;
import org.musetag.tags.WritePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link Settings} in {@code settings.properties} in Musetag's data folder. A value that cannot be read falls
 * back to its default (and is logged) rather than stopping the app or the command; saving is atomic. The app and
 * {@code musetag tag} read the same file ({@link #in}).
 */
public final class SettingsStore {
  private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
  public static final String FILE_NAME = "settings.properties";
  private static final String RENAME = "genre.rename.";

  private final Path file;

  public SettingsStore(Path file) {
    this.file = file;
  }

  /** The settings file in Musetag's data folder {@code home}, the one both front ends read. */
  public static SettingsStore in(Path home) {
    return new SettingsStore(home.resolve(FILE_NAME));
  }

  public Settings load() {
    Settings d = Settings.defaults();
    if (!Files.isRegularFile(file)) {
      return d;
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      LOG.warn("cannot read {}, using the defaults: {}", file, e.getMessage());
      return d;
    }
    Set<TagField> fields = new TreeSet<>();
    for (String f : p.getProperty("fields", "").split(",")) {
      TagField field = builtInField(f);
      if (field != null) {
        fields.add(field);
      }
    }
    Map<TagField, WritePolicy> policies = new TreeMap<>();
    for (TagField f : TagField.builtIns()) {
      policies.put(f, parse(WritePolicy.class, p.getProperty("policy." + f), d.policies().get(f)));
    }
    Map<String, String> renames = new HashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(RENAME) && !p.getProperty(key).isBlank()) {
        renames.put(key.substring(RENAME.length()), p.getProperty(key).strip());
      }
    }
    Set<String> drops = new HashSet<>();
    for (String g : p.getProperty("genre.drop", "").split(",")) {
      if (!g.isBlank()) {
        drops.add(g.strip().toLowerCase(Locale.ROOT));
      }
    }
    return new Settings(
        p.containsKey("fields") ? fields : d.fields(),
        policies,
        parse(Id3Version.class, p.getProperty("id3"), d.id3Version()),
        number(p, "minGenreP", d.minGenreP()),
        number(p, "minMoodConfidence", d.minMoodConfidence()),
        new GenreVocabulary(renames, drops),
        (int) number(p, "threads", d.threads()),
        parse(DevicePreference.class, p.getProperty("device"), d.device()),
        number(p, "minHeadP", d.minHeadP()),
        keyNotation(p.getProperty("keyNotation"), d.keyNotation()));
  }

  public void save(Settings s) throws MusetagException {
    Properties p =
        new Properties() {
          private static final long serialVersionUID = 1L;

          @Override
          public synchronized java.util.Set<Map.Entry<Object, Object>> entrySet() {
            TreeMap<Object, Object> sorted = new TreeMap<>(); // stable, readable order
            for (Map.Entry<Object, Object> e : super.entrySet()) {
              sorted.put(e.getKey(), e.getValue());
            }
            return sorted.entrySet();
          }
        };
    p.setProperty(
        "fields", String.join(",", s.fields().stream().sorted().map(TagField::name).toList()));
    s.policies().forEach((f, policy) -> p.setProperty("policy." + f, policy.name()));
    p.setProperty("id3", s.id3Version().name());
    p.setProperty("minGenreP", String.valueOf(s.minGenreP()));
    p.setProperty("minMoodConfidence", String.valueOf(s.minMoodConfidence()));
    p.setProperty("minHeadP", String.valueOf(s.minHeadP()));
    new TreeMap<>(s.vocabulary().renames()).forEach((from, to) -> p.setProperty(RENAME + from, to));
    p.setProperty("genre.drop", String.join(",", new java.util.TreeSet<>(s.vocabulary().drops())));
    p.setProperty("threads", String.valueOf(s.threads()));
    p.setProperty("device", s.device().name());
    p.setProperty("keyNotation", s.keyNotation().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "settings", ".part");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(w, "Musetag settings");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new MusetagException("cannot save the settings to " + file + ": " + e.getMessage(), e);
    }
  }

  private static TagField builtInField(String value) {
    if (value.isBlank()) {
      return null;
    }
    try {
      TagField f = TagField.valueOf(value);
      return f.isUser() ? null : f;
    } catch (IllegalArgumentException e) {
      LOG.warn("ignoring setting value {} (not a TagField)", value);
      return null;
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      LOG.warn("ignoring setting value {} (not a {})", value, type.getSimpleName());
      return fallback;
    }
  }

  private static KeyNotation keyNotation(String value, KeyNotation fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return KeyNotation.parse(value);
    } catch (IllegalArgumentException e) {
      LOG.warn("ignoring setting keyNotation={} (standard, camelot or open-key)", value);
      return fallback;
    }
  }

  private static double number(Properties p, String key, double fallback) {
    try {
      return p.containsKey(key) ? Double.parseDouble(p.getProperty(key).strip()) : fallback;
    } catch (NumberFormatException e) {
      LOG.warn("ignoring setting {}={}", key, p.getProperty(key));
      return fallback;
    }
  }
}
