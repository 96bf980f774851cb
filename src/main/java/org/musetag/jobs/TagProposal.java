package org.musetag.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.musetag.dsp.TempoKey;
import org.musetag.ml.Analysis;
import org.musetag.ml.LabelScore;
import org.musetag.ml.Quadrant;
import org.musetag.ml.heads.HeadKind;
import org.musetag.ml.heads.HeadOutput;
import org.musetag.ml.heads.HeadedAnalysis;
import org.musetag.settings.KeyNotation;
import org.musetag.settings.Settings;
import org.musetag.tags.TagField;
import org.musetag.tags.TagNumbers;

/**
 * What Musetag proposes to write for one analysis: the genres it is reasonably sure of, the mood words of the
 * quadrant when it is confident enough, valence and arousal, each active label head's likely labels in its user
 * field, and the model that said so; and the tempo (a whole number of BPM) and the key heard in the audio, in the
 * notation the user chose. Below the thresholds it proposes nothing for that field rather than a guess
 * (docs/decisions/0004-what-gets-written.md, 0006-retrained-heads.md, 0016-tempo-and-key-in-files.md).
 *
 * @param minGenreP a genre is written when its probability is at least this (at most {@link #MAX_GENRES})
 * @param minMoodConfidence mood words are written when the quadrant's probability is at least this
 * @param minHeadP a head's label is written when its probability is at least this (at most {@link #MAX_HEAD_LABELS})
 * @param keyNotation how the key is spelled in the file
 */
public record TagProposal(
    double minGenreP, double minMoodConfidence, double minHeadP, KeyNotation keyNotation) {
  public static final int MAX_GENRES = 3;
  public static final int MAX_HEAD_LABELS = 3;
  public static final double DEFAULT_MIN_HEAD_P = Settings.DEFAULT_MIN_HEAD_P;

  /** The thresholds of {@link Settings#defaults()} (see there why these levels). */
  public static final TagProposal DEFAULTS =
      new TagProposal(
          Settings.DEFAULT_MIN_GENRE_P, Settings.DEFAULT_MIN_MOOD_CONFIDENCE, DEFAULT_MIN_HEAD_P);

  public TagProposal {
    keyNotation = keyNotation == null ? KeyNotation.STANDARD : keyNotation;
  }

  /** With keys in the standard notation. */
  public TagProposal(double minGenreP, double minMoodConfidence, double minHeadP) {
    this(minGenreP, minMoodConfidence, minHeadP, KeyNotation.STANDARD);
  }

  /** With the default threshold for heads' labels. */
  public TagProposal(double minGenreP, double minMoodConfidence) {
    this(minGenreP, minMoodConfidence, DEFAULT_MIN_HEAD_P);
  }

  /** The thresholds and key notation the user chose. */
  public static TagProposal of(Settings s) {
    return new TagProposal(s.minGenreP(), s.minMoodConfidence(), s.minHeadP(), s.keyNotation());
  }

  private static final Map<String, String> GENRE_NAMES =
      Map.ofEntries(
          Map.entry("blues", "Blues"),
          Map.entry("classical", "Classical"),
          Map.entry("country", "Country"),
          Map.entry("disco", "Disco"),
          Map.entry("electronic", "Electronic"),
          Map.entry("folk", "Folk"),
          Map.entry("hiphop", "Hip-Hop"),
          Map.entry("jazz", "Jazz"),
          Map.entry("latin", "Latin"),
          Map.entry("metal", "Metal"),
          Map.entry("pop", "Pop"),
          Map.entry("reggae", "Reggae"),
          Map.entry("rnb", "R&B"),
          Map.entry("rock", "Rock"));

  /** The proposed values of the requested built-in {@code fields}, with no head applied. */
  public Map<TagField, List<String>> values(Analysis a, Set<TagField> fields) {
    return values(new HeadedAnalysis(a, Map.of()), fields);
  }

  /**
   * The proposed values of the requested {@code fields}; a field with nothing to propose is left out. A label head's
   * labels go to its user field when {@code fields} holds it ({@link TagField#user}), spelled as the head's labels
   * (its folder names); the model id then names that head too ("musetag-base@1.0.0+styles@2").
   */
  public Map<TagField, List<String>> values(HeadedAnalysis headed, Set<TagField> fields) {
    Analysis a = headed.analysis();
    Map<TagField, List<String>> out = new TreeMap<>();
    List<String> genres = new ArrayList<>();
    for (LabelScore g : a.genres()) {
      if (g.p() >= minGenreP && genres.size() < MAX_GENRES) {
        genres.add(displayGenre(g.label()));
      }
    }
    if (fields.contains(TagField.GENRE) && !genres.isEmpty()) {
      out.put(TagField.GENRE, genres);
    }
    if (fields.contains(TagField.MOOD) && a.confidence() >= minMoodConfidence) {
      out.put(TagField.MOOD, Quadrant.valueOf(a.quadrant()).words());
    }
    if (fields.contains(TagField.VALENCE)) {
      out.put(TagField.VALENCE, List.of(TagNumbers.format(a.valence())));
    }
    if (fields.contains(TagField.AROUSAL)) {
      out.put(TagField.AROUSAL, List.of(TagNumbers.format(a.arousal())));
    }
    String model = a.model();
    for (HeadOutput head : headed.heads().values()) {
      TagField field = fieldOf(head);
      List<String> labels =
          field != null && fields.contains(field) ? likelyLabels(head) : List.of();
      if (!labels.isEmpty()) {
        out.computeIfAbsent(field, f -> new ArrayList<>()).addAll(labels);
        model = model.contains("+" + head.head()) ? model : model + "+" + head.head();
      }
    }
    if (!out.isEmpty()) {
      out.put(TagField.MOOD_MODEL, List.of(model));
    }
    TempoKey heard = a.tempoKey();
    if (fields.contains(TagField.BPM) && heard.tempo() != null) {
      out.put(TagField.BPM, List.of(Long.toString(Math.round(heard.tempo().bpm()))));
    }
    if (fields.contains(TagField.KEY) && heard.key() != null) {
      out.put(TagField.KEY, List.of(keyNotation.write(heard.key())));
    }
    return out;
  }

  /** The user field a label head's labels go to; null for a regression head or a name no field can take. */
  public static TagField fieldOf(HeadOutput head) {
    if (head.kind() != HeadKind.LABELS || head.tagField() == null) {
      return null;
    }
    try {
      return TagField.user(head.tagField());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private List<String> likelyLabels(HeadOutput head) {
    return head.labels().stream()
        .filter(s -> s.p() >= minHeadP)
        .limit(MAX_HEAD_LABELS)
        .map(LabelScore::label)
        .toList();
  }

  /** How a genre label is written into files: "Hip-Hop", "R&B", "Electronic". */
  public static String displayGenre(String label) {
    return GENRE_NAMES.getOrDefault(label, label);
  }
}
