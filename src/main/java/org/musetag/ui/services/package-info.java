/**
 * The UI's services over the core, built once by {@code ui.shell}: the library gateway (one reader and one writer
 * thread, docs/decisions/0005), scans and analyses, tag batches planned by the core's {@code jobs.TagPlans} and
 * written on the writer thread, and the active trained heads. Their slow methods run in background work only (the
 * gateway and {@code ActiveHeads.reload} refuse the FX thread).
 */
package org.musetag.ui.services;
