package org.musetag.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.musetag.app.Services;
import org.musetag.jobs.BatchIds;
import org.musetag.jobs.TagJob;
import org.musetag.jobs.TagJob.FilePlan;
import org.musetag.jobs.TagPlans;
import org.musetag.library.Library;
import org.musetag.ml.heads.HeadSet;
import org.musetag.settings.KeyNotation;
import org.musetag.settings.Settings;
import org.musetag.settings.SettingsStore;
import org.musetag.tags.Id3Version;
import org.musetag.tags.JaudiotaggerTagStore;
import org.musetag.tags.TagChange;
import org.musetag.tags.TagField;
import org.musetag.tags.WritePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code musetag tag --db FILE [--dry-run] [--policy replace|merge|fill-empty] [--fields genre,mood,valence,arousal,bpm,key]
 * [--bpm-key-policy fill-empty|replace] [--key-notation standard|camelot|open-key] [--no-head-fields]}: writes what the analyses found into the files, showing every change; a real run prints a batch
 * id to undo it. Each active label head's labels go to its own tag field ({@code USER:NAME} in the output) unless
 * {@code --no-head-fields}: activating a head is how a user asks for its labels. What to write comes from the same
 * {@code settings.properties} the app uses (fields, policies, thresholds, genre vocabulary, ID3 version), and each
 * flag given overrides its setting for this run only; the plan is built by the core's {@link TagPlans}, as the app
 * builds it. Only the bundled model's analyses are used: tracks heard only by another model (before an upgrade) are
 * left out, and a line on standard error says how many and how to hear them again.
 */
@Command(
    name = "tag",
    description = {
      "Write genre, mood, valence, arousal, BPM and key from the analyses into the files (journalled; undo with 'musetag undo').",
      "Uses the app's Settings (fields, policies, thresholds, genre renames and drops, ID3 version); a flag overrides its setting for this run.",
      "Each active label head's labels are written to the head's own tag field (shown as USER:NAME; see 'musetag models list') unless --no-head-fields."
    })
final class TagCommand implements Callable<Integer> {
  private final Services services;

  @Spec CommandSpec spec;
  @Mixin DbOption db;

  @Option(names = "--dry-run", description = "show the changes, write nothing")
  boolean dryRun;

  @Option(
      names = "--policy",
      description =
          "for genre, mood and the heads' fields: merge (keep existing values, add new), replace, or fill-empty (default: the genre policy in Settings, merge unless changed there)")
  String policy;

  @Option(
      names = "--fields",
      split = ",",
      description =
          "fields to write (default: the fields in Settings, genre,mood,valence,arousal,bpm,key unless changed there)")
  List<String> fields;

  @Option(
      names = "--bpm-key-policy",
      description =
          "for the BPM and the key: fill-empty (keep a BPM or key already in the file) or replace (default: the policies in Settings, fill-empty unless changed there)")
  String bpmKeyPolicy;

  @Option(
      names = "--key-notation",
      description =
          "how the key is written: standard (Am, C#), camelot (8A, 3B) or open-key (1m, 8d) (default: the notation in Settings, standard unless changed there)")
  String keyNotation;

  @Option(
      names = "--no-head-fields",
      description = "do not write the active label heads' labels into their tag fields")
  boolean noHeadFields;

  @Option(
      names = "--min-head-p",
      description =
          "write a head's label only when its probability is at least this, at most 3 per head (default: the value in Settings, "
              + Settings.DEFAULT_MIN_HEAD_P
              + " unless changed there)")
  Double minHeadP;

  @Option(
      names = "--id3",
      description =
          "ID3 version for MP3/WAV/AIFF files without an ID3v2 tag: v24 or v23 (default: the version in Settings, v24 unless changed there)")
  String id3;

  @Option(
      names = "--min-genre-p",
      description =
          "write a genre only when its probability is at least this (default: the value in Settings, "
              + Settings.DEFAULT_MIN_GENRE_P
              + " unless changed there)")
  Double minGenreP;

  @Option(
      names = "--min-mood-confidence",
      description =
          "write mood words only when the quadrant's probability is at least this (default: the value in Settings, "
              + Settings.DEFAULT_MIN_MOOD_CONFIDENCE
              + " unless changed there)")
  Double minMoodConfidence;

  TagCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Settings settings = effectiveSettings(SettingsStore.in(services.directories().home()).load());
    try (Library library = db.open(services)) {
      if (library.analyses().newestModel() == null) {
        err.println("musetag: nothing is analysed yet; run 'musetag analyze' first");
        return 1;
      }
      String model = services.model().id();
      int leftOut = OtherModelsLine.print(library, model, ", and are left out", err);
      try (HeadSet heads = HeadColumns.load(services, model, err)) {
        TagPlans planner =
            new TagPlans(
                new JaudiotaggerTagStore(settings.tagOptions()),
                settings,
                heads::apply,
                noHeadFields ? Set.of() : heads.labelFields());
        List<FilePlan> plans = planner.plan(library, model);
        plans.forEach(plan -> show(plan, out));
        long changing =
            plans.stream().filter(f -> f.skipReason() == null && !f.changes().isEmpty()).count();
        if (dryRun) {
          out.printf(
              "dry run: %d of %d files would change; nothing was written%s%n",
              changing,
              plans.size(),
              leftOut == 0
                  ? ""
                  : "; " + leftOut + " heard by another model than " + model + " are left out");
          return 0;
        }
        if (changing == 0) {
          out.printf("nothing to write: all %d files already hold these values%n", plans.size());
          return 0;
        }
        TerminalJobListener progress = new TerminalJobListener(err, "Tagging");
        TagJob.Report r =
            new TagJob(library, new JaudiotaggerTagStore(settings.tagOptions()))
                .write(
                    plans, BatchIds.next(), model, planner.settingsJson(), progress, () -> false);
        progress.finish();
        out.printf(
            "batch %s: %d files written, %d already up to date, %d skipped, %d failed%n",
            r.batchId(), r.written(), r.unchanged(), r.skipped(), r.failed());
        out.printf("undo with: musetag undo --db %s %s%n", library.file(), r.batchId());
        return r.failed() + r.skipped() > 0 ? 1 : 0;
      }
    }
  }

  /** The stored settings (the ones the app shows), with this run's flags in place of what they name. */
  private Settings effectiveSettings(Settings stored) {
    Settings s = stored;
    if (fields != null) {
      Set<TagField> chosen = new TreeSet<>();
      fields.forEach(f -> chosen.add(TagField.valueOf(f)));
      s = s.withFields(chosen);
    }
    if (policy != null) {
      WritePolicy p = policy("--policy", policy, "merge, replace or fill-empty");
      s = s.withPolicy(TagField.GENRE, p).withPolicy(TagField.MOOD, p);
    }
    if (bpmKeyPolicy != null) {
      String takes = "fill-empty or replace: a file holds one BPM and one key";
      WritePolicy p = policy("--bpm-key-policy", bpmKeyPolicy, takes);
      if (p == WritePolicy.MERGE) {
        throw new ParameterException(spec.commandLine(), "--bpm-key-policy takes " + takes);
      }
      s = s.withPolicy(TagField.BPM, p).withPolicy(TagField.KEY, p);
    }
    if (keyNotation != null) {
      try {
        s = s.withKeyNotation(KeyNotation.parse(keyNotation));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(), "--key-notation takes standard, camelot or open-key");
      }
    }
    if (id3 != null) {
      s = s.withId3Version("v23".equalsIgnoreCase(id3.strip()) ? Id3Version.V23 : Id3Version.V24);
    }
    return s.withThresholds(
        minGenreP != null ? minGenreP : s.minGenreP(),
        minMoodConfidence != null ? minMoodConfidence : s.minMoodConfidence(),
        minHeadP != null ? minHeadP : s.minHeadP());
  }

  private WritePolicy policy(String option, String value, String takes) {
    try {
      return WritePolicy.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), option + " takes " + takes);
    }
  }

  private static void show(FilePlan plan, PrintWriter out) {
    if (plan.skipReason() != null) {
      out.println("skip " + plan.skipReason());
      return;
    }
    if (plan.changes().isEmpty()) {
      return;
    }
    out.println(plan.track().path());
    for (TagChange c : plan.changes()) {
      out.printf(
          "  %s: %s -> %s%n", label(c.field()), values(c.oldValues()), values(c.newValues()));
    }
  }

  /** "genre", "mood_model" for the built-ins; "USER:STYLES" for a head's field, as the journal and --fields name it. */
  static String label(TagField field) {
    return field.isUser() ? field.name() : field.name().toLowerCase(Locale.ROOT);
  }

  static String values(List<String> v) {
    return v.isEmpty() ? "(empty)" : String.join(" | ", v);
  }
}
