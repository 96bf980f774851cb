package org.musetag.ui.task;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;

/** A running, listed task as the status bar shows it: title, progress (-1 while unknown), message, cancel. */
public final class ActiveJob {
  private final String title;
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final Runnable cancel;

  public ActiveJob(String title, Runnable cancel) {
    this.title = title;
    this.cancel = cancel;
  }

  void bind(ObservableDoubleValue taskProgress, ObservableStringValue taskMessage) {
    progress.bind(taskProgress);
    message.bind(taskMessage);
  }

  public String title() {
    return title;
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public void cancel() {
    cancel.run();
  }
}
