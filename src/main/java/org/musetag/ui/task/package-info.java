/**
 * Background work in the app: the one {@link org.musetag.ui.task.TaskRunner} view models submit slow work to, its
 * JavaFX adapter (the only class that calls {@code Platform.runLater}), the handles and contexts work sees, the
 * status bar's running jobs, the FX-thread guard and the worker pool. Kept apart so that every feature and service
 * runs off the FX thread the same way, and tests swap in a runner on the calling thread.
 */
package org.musetag.ui.task;
