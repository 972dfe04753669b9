package dev.evalbench.core.service;

import dev.evalbench.core.workspace.Workspace;

/**
 * The gates a stored run is held to, and where they came from: the workspace exactly as the run saw it
 * (rebuilt from its stored snapshots), or the workspace folder when the history lacks those snapshots.
 * {@link #source} is a sentence fragment for people ("the stored snapshot of run X", "the workspace folder D").
 * {@code fromFolder} tells the folder's gates, which may have been edited since the run, from the run's own. Made
 * by {@link GateService#gatesOf}.
 */
public record RunGates(Workspace workspace, String source, boolean fromFolder) {}
