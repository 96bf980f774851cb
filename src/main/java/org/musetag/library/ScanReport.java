package org.musetag.library;

import java.util.List;

/** What a scan did. {@code problems} lists "path: reason" for every file that could not be read. */
public record ScanReport(
    int files, int added, int updated, int unchanged, int unreadable, int missing, int moved, boolean cancelled,
    List<String> problems) {}
