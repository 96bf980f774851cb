/**
 * What the app says to the user: the one {@link org.musetag.ui.dialog.DialogService} (with its JavaFX alerts and
 * file choosers), the lines of a change confirmation, a finished job's report, and {@link
 * org.musetag.ui.dialog.UserErrors}, which turns any failure into a sentence or an error code, never a stack trace.
 * View models ask through the interface, so tests answer the questions.
 */
package org.musetag.ui.dialog;
