package dev.evalbench.core.canary;

/** What to do with the canary: ramp it up, keep it where it is and collect more, or roll it back. */
public enum CanaryVerdict { PROMOTE, HOLD, ROLL_BACK }
