package org.musetag.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.PrintWriter;
import java.util.Map;

/** Writes one JSON object per line, the machine-readable output of every command. */
final class JsonLines {
  private final Gson gson = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
  private final PrintWriter out;

  JsonLines(PrintWriter out) {
    this.out = out;
  }

  void write(Map<String, ?> object) {
    out.println(gson.toJson(object));
    out.flush();
  }
}
