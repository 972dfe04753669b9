package dev.evalbench.core.workspace;

/** A task suite scores answers against expected values; a safety suite checks probes against expectations. */
public enum SuiteKind { TASK, SAFETY }
