package org.musetag.ui.dialog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every dialog of the app goes through here, so view models can ask questions without knowing about windows and
 * tests can answer them.
 */
public interface DialogService {

  void showError(String title, String sentence);

  void showInfo(String title, String text);

  /** A finished job's report: a summary sentence and the problem of every file that failed. */
  void showReport(String title, String summary, List<String> problems);

  boolean confirm(String title, String question, String details);

  /** Shows every change (old → new per field) and asks whether to write them. */
  boolean confirmChanges(String title, String question, List<ChangeLine> changes);

  Optional<Path> chooseFolder(String title);

  List<Path> chooseAudioFiles(String title);

  /** An existing file to open; @param extension without the dot, e.g. "csv" */
  Optional<Path> chooseOpenFile(String title, String extension);

  /** @param extension without the dot, e.g. "m3u8" */
  Optional<Path> chooseSaveFile(String title, String initialName, String extension);
}
