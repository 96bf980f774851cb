package org.musetag.ui.dialog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link DialogService} with answers set by the test, remembering what it was asked and shown. */
public final class ScriptedDialogs implements DialogService {
  public final List<String> errors = new ArrayList<>();
  public final List<String> infos = new ArrayList<>();
  public final List<List<ChangeLine>> changeConfirmations = new ArrayList<>();
  public boolean answer = true;
  public Path folder;
  public List<Path> files = List.of();
  public Path saveFile;
  public Path openFile;

  @Override
  public void showError(String title, String sentence) {
    errors.add(sentence);
  }

  @Override
  public void showInfo(String title, String text) {
    infos.add(text);
  }

  @Override
  public void showReport(String title, String summary, List<String> problems) {
    infos.add(summary);
  }

  @Override
  public boolean confirm(String title, String question, String details) {
    return answer;
  }

  @Override
  public boolean confirmChanges(String title, String question, List<ChangeLine> changes) {
    changeConfirmations.add(changes);
    return answer;
  }

  @Override
  public Optional<Path> chooseFolder(String title) {
    return Optional.ofNullable(folder);
  }

  @Override
  public List<Path> chooseAudioFiles(String title) {
    return files;
  }

  @Override
  public Optional<Path> chooseOpenFile(String title, String extension) {
    return Optional.ofNullable(openFile);
  }

  @Override
  public Optional<Path> chooseSaveFile(String title, String initialName, String extension) {
    return Optional.ofNullable(saveFile);
  }
}
