package org.musetag.ui.dialog;

import java.util.List;

/** What a finished job says to the user: a title, one summary sentence, and every file it had a problem with. */
public record JobReport(String title, String summary, List<String> problems) {
  public JobReport {
    problems = List.copyOf(problems);
  }
}
