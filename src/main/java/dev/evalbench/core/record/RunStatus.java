package dev.evalbench.core.record;

/**
 * RUNNING while a process works on it; COMPLETE when every planned case is stored; INCOMPLETE when it stopped
 * early (cancel, Ctrl-C, crash, kill) and can be resumed. A RUNNING run whose process is gone reads as
 * INCOMPLETE.
 */
public enum RunStatus { RUNNING, COMPLETE, INCOMPLETE }
