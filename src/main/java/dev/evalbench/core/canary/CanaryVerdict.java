package dev.evalbench.core.canary;

import java.util.Locale;

/** What to do with the canary: ramp it up, keep it where it is and collect more, or roll it back. */
public enum CanaryVerdict {
    PROMOTE, HOLD, ROLL_BACK;

    /** The verdict in words, as the terminal, the window and the export say it: "promote", "hold", "roll back". */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
