package org.musetag.cli;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.musetag.app.Services;
import org.musetag.jobs.TagJob;
import org.musetag.jobs.TagJob.FilePlan;
import org.musetag.jobs.TagProposal;
import org.musetag.library.Library;
import org.musetag.ml.heads.HeadSet;
import org.musetag.tags.Id3Version;
import org.musetag.tags.JaudiotaggerTagStore;
import org.musetag.tags.TagChange;
import org.musetag.tags.TagField;
import org.musetag.tags.TagOptions;
import org.musetag.tags.WritePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code musetag tag --db FILE [--dry-run] [--policy replace|merge|fill-empty] [--fields genre,mood,valence,arousal]
 * [--no-head-fields]}: writes what the analyses found into the files, showing every change; a real run prints a batch
 * id to undo it. Each active label head's labels go to its own tag field ({@code USER:NAME} in the output) unless
 * {@code --no-head-fields}: activating a head is how a user asks for its labels.
 */
@Command(name = "tag", description = {"Write genre, mood, valence and arousal from the analyses into the files (journalled; undo with 'musetag undo').",
    "Each active label head's labels are written to the head's own tag field (shown as USER:NAME; see 'musetag models list') unless --no-head-fields."})
final class TagCommand implements Callable<Integer> {
  private final Services services;

  @Spec CommandSpec spec;
  @Mixin DbOption db;

  @Option(names = "--dry-run", description = "show the changes, write nothing")
  boolean dryRun;

  @Option(names = "--policy", description = "for genre, mood and the heads' fields: merge (keep existing values, add new), replace, or fill-empty (default: merge)")
  String policy = "merge";

  @Option(names = "--fields", split = ",", description = "fields to write (default: genre,mood,valence,arousal)")
  List<String> fields = List.of("genre", "mood", "valence", "arousal");

  @Option(names = "--no-head-fields", description = "do not write the active label heads' labels into their tag fields")
  boolean noHeadFields;

  @Option(names = "--min-head-p", description = "write a head's label only when its probability is at least this, at most 3 per head (default: ${DEFAULT-VALUE})")
  double minHeadP = TagProposal.DEFAULTS.minHeadP();

  @Option(names = "--id3", description = "ID3 version for MP3/WAV/AIFF files without an ID3v2 tag: v24 or v23 (default: v24)")
  String id3 = "v24";

  @Option(names = "--min-genre-p", description = "write a genre only when its probability is at least this (default: ${DEFAULT-VALUE})")
  double minGenreP = TagProposal.DEFAULTS.minGenreP();

  @Option(names = "--min-mood-confidence", description = "write mood words only when the quadrant's probability is at least this (default: ${DEFAULT-VALUE})")
  double minMoodConfidence = TagProposal.DEFAULTS.minMoodConfidence();

  TagCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Set<TagField> chosen = parseFields();
    WritePolicy p = WritePolicy.valueOf(policy.toUpperCase(Locale.ROOT).replace('-', '_'));
    TagOptions options = new TagOptions("v23".equalsIgnoreCase(id3) ? Id3Version.V23 : Id3Version.V24, TagOptions.DEFAULT_SEPARATOR);
    try (Library library = db.open(services)) {
      String model = library.analyses().newestModel();
      if (model == null) {
        err.println("musetag: nothing is analysed yet; run 'musetag analyze' first");
        return 1;
      }
      try (HeadSet heads = HeadColumns.load(services, model, err)) {
        TagJob job = new TagJob(library, new JaudiotaggerTagStore(options), heads);
        if (!noHeadFields) {
          chosen.addAll(job.headFields());
        }
        Map<TagField, WritePolicy> policies = new TreeMap<>();
        for (TagField f : chosen) {
          if (f.multiValued()) {
            policies.put(f, p);
          }
        }
        TagProposal proposal = new TagProposal(minGenreP, minMoodConfidence, minHeadP);
        List<FilePlan> plans = job.plan(model, proposal, chosen, policies);
        plans.forEach(plan -> show(plan, out));
        long changing = plans.stream().filter(f -> f.skipReason() == null && !f.changes().isEmpty()).count();
        if (dryRun) {
          out.printf("dry run: %d of %d files would change; nothing was written%n", changing, plans.size());
          return 0;
        }
        if (changing == 0) {
          out.printf("nothing to write: all %d files already hold these values%n", plans.size());
          return 0;
        }
        String batch = newBatchId();
        String settings = String.format(Locale.ROOT, "{\"policy\":\"%s\",\"fields\":\"%s\",\"id3\":\"%s\"}", policy, chosen, id3);
        TerminalJobListener progress = new TerminalJobListener(err, "Tagging");
        TagJob.Report r = job.write(plans, batch, model, settings, progress, () -> false);
        progress.finish();
        out.printf("batch %s: %d files written, %d already up to date, %d skipped, %d failed%n",
            r.batchId(), r.written(), r.unchanged(), r.skipped(), r.failed());
        out.printf("undo with: musetag undo --db %s %s%n", library.file(), r.batchId());
        return r.failed() + r.skipped() > 0 ? 1 : 0;
      }
    }
  }

  private Set<TagField> parseFields() {
    Set<TagField> chosen = new TreeSet<>();
    for (String f : fields) {
      chosen.add(TagField.valueOf(f));
    }
    return chosen;
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
      out.printf("  %s: %s -> %s%n", label(c.field()), values(c.oldValues()), values(c.newValues()));
    }
  }

  /** "genre", "mood_model" for the built-ins; "USER:STYLES" for a head's field, as the journal and --fields name it. */
  static String label(TagField field) {
    return field.isUser() ? field.name() : field.name().toLowerCase(Locale.ROOT);
  }

  static String values(List<String> v) {
    return v.isEmpty() ? "(empty)" : String.join(" | ", v);
  }

  private static String newBatchId() {
    return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  }
}
