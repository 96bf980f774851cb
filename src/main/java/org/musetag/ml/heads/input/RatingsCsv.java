package org.musetag.ml.heads.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.musetag.ml.heads.HeadException;
import org.musetag.ml.heads.HeadKind;

/**
 * Reads a CSV of {@code path,valence,arousal} for a regression head: one file per line, values on Musetag's −1..1
 * scale, an optional header line, paths relative to the CSV's folder, fields optionally in double quotes. A line
 * whose values are not numbers is skipped and reported by its line number; a CSV with no usable line is refused.
 */
public final class RatingsCsv {
  private RatingsCsv() {}

  public static TrainingInput read(Path csv) throws HeadException {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HeadException("cannot read " + csv + ": " + e.getMessage(), e);
    }
    Path base = csv.toAbsolutePath().getParent();
    List<String> warnings = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    List<TrainingItem> items = new ArrayList<>();
    int outOfRange = 0;
    for (int n = 1; n <= lines.size(); n++) {
      String line = lines.get(n - 1).strip();
      if (line.isEmpty() || line.startsWith("#") || (n == 1 && isHeader(line))) {
        continue;
      }
      List<String> f = fields(line);
      String problem =
          f.size() != 3
              ? "has " + f.size() + " fields, expected path,valence,arousal"
              : f.get(0).isBlank() ? "has no path" : notANumber("valence", f.get(1));
      if (problem == null) {
        problem = notANumber("arousal", f.get(2));
      }
      if (problem != null) {
        refused.add(csv + " line " + n + ": " + problem + "; the line is skipped");
        continue;
      }
      double v = Double.parseDouble(f.get(1));
      double a = Double.parseDouble(f.get(2));
      outOfRange += Math.abs(v) > 1 || Math.abs(a) > 1 ? 1 : 0;
      items.add(TrainingItem.rated(base.resolve(f.get(0)), v, a));
    }
    warnings.addAll(refused);
    if (outOfRange > 0) {
      warnings.add(
          outOfRange
              + " line(s) have values outside -1..1; Musetag's valence and arousal run from -1 to 1,"
              + " so rescale them (e.g. (x - 5) / 4 for a 1..9 scale)");
    }
    if (items.isEmpty()) {
      throw new HeadException(
          csv
              + " has no usable line (path,valence,arousal with numbers)"
              + (refused.isEmpty()
                  ? ""
                  : ": " + String.join("; ", refused.subList(0, Math.min(3, refused.size())))));
    }
    return new TrainingInput(HeadKind.REGRESSION, csv.toString(), items, warnings);
  }

  private static boolean isHeader(String line) {
    return line.toLowerCase(Locale.ROOT).replace("\"", "").startsWith("path,");
  }

  private static String notANumber(String what, String value) {
    try {
      double d = Double.parseDouble(value.strip());
      return Double.isFinite(d) ? null : what + " '" + value + "' is not a finite number";
    } catch (NumberFormatException e) {
      return what + " '" + value + "' is not a number";
    }
  }

  /** Splits one CSV line on commas outside double quotes; "" inside quotes is a quote. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cur.append('"');
        i++;
      } else if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        out.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString().strip());
    return out;
  }
}
