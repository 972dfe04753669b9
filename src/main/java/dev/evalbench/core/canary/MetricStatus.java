package dev.evalbench.core.canary;

/**
 * One metric's outcome: {@code PASS} (no significant change at least as large as the floor), {@code HIGH} or
 * {@code LOW} (the canary is significantly higher or lower, by at least the floor), {@code NO_DATA} (a side has
 * no value to compare).
 */
public enum MetricStatus { PASS, HIGH, LOW, NO_DATA }
