package dev.evalbench.app.history;

import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One run as the history lists it. {@code gates} ("pass" or "FAIL n") and {@code prompts} ("triage r4") are
 * null until the run has been gated in the background. Immutable: an update replaces the row.
 */
public record RunRow(RunHeader header, int casesStored, String gates, String prompts) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    public String id() {
        return header.id();
    }

    public String status() {
        return header.status().name().toLowerCase(Locale.ROOT);
    }

    public boolean resumable() {
        return header.status() == RunStatus.INCOMPLETE;
    }

    /** Month, day and time: the RUNS column is narrow; the year is in the search text. */
    public String when(ZoneId zone) {
        return WHEN.format(header.startedAt().atZone(zone));
    }

    /** "traffic" or "shadow" for runs that are not evals (the history marks them); empty for an eval run. */
    public String kind() {
        return header.kind() == dev.evalbench.core.record.RunKind.EVAL ? "" : header.kind().name().toLowerCase(Locale.ROOT);
    }

    public String routes() {
        return String.join(", ", header.config().routes());
    }

    public String tags() {
        return String.join(", ", header.tags());
    }

    public String cases() {
        return casesStored + "/" + header.plannedCases();
    }

    /** Everything the search box matches against, lower case. */
    String searchText(ZoneId zone) {
        return String.join(" ", id(), status(), kind(), header.startedAt().atZone(zone).toLocalDate().toString(), when(zone), routes(), tags(), gates == null ? "" : gates,
                prompts == null ? "" : prompts).toLowerCase(Locale.ROOT);
    }

    RunRow withGates(String gates, String prompts) {
        return new RunRow(header, casesStored, gates, prompts);
    }
}
