package dev.evalbench.app.history;

import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.text.RunTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One run as the history lists it. {@code gates} ("pass" or "FAIL n"), {@code prompts} ("triage r4") and
 * {@code gatesInWords} ("2 of 9 gates failed: schema, cost") are null until the run has been gated in the
 * background. {@code outage}: the run is incomplete because the model answered none of its cases (its route was
 * down), not because it was stopped. {@code left}: why it is incomplete when provider trouble left some of its cases
 * for resume ("28 cases not sent: the breaker of route openai was open", "7 cases not judged: …"), else null.
 * Immutable: an update replaces the row.
 */
public record RunRow(RunHeader header, int casesStored, String gates, String prompts, String gatesInWords,
                     boolean outage, String left) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT);

    public String id() {
        return header.id();
    }

    public String status() {
        return header.status().name().toLowerCase(Locale.ROOT);
    }

    public boolean resumable() {
        return header.status() == RunStatus.INCOMPLETE;
    }

    /**
     * Month, day and time to the second: the RUNS column is narrow (the year is in the search text), and two runs
     * of one minute (a quick re-run after an edit) must not read alike.
     */
    public String when(ZoneId zone) {
        return WHEN.format(header.startedAt().atZone(zone));
    }

    /** "traffic" or "shadow" for runs that are not evals (the history marks them); empty for an eval run. */
    public String kind() {
        return header.kind() == dev.evalbench.core.record.RunKind.EVAL ? "" : header.kind().name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mark the list shows before a run's facts: its kind ("traffic", "shadow"), or "slice" for an eval run that
     * chose only some cases (its failing cases run again, `run --case`): its verdict is of those cases alone.
     * Empty for an eval run of every case.
     */
    public String mark() {
        if (!kind().isEmpty()) return kind();
        return header.config() != null && !header.config().coversAll() ? "slice" : "";
    }

    public String routes() {
        return String.join(", ", header.config().routes());
    }

    public String tags() {
        return String.join(", ", header.tags());
    }

    public String cases() {
        return String.format(Locale.ROOT, "%,d/%,d", casesStored, header.plannedCases());
    }

    /** Everything the search box matches against, lower case. */
    String searchText(ZoneId zone) {
        return String.join(" ", id(), status(), mark(), header.startedAt().atZone(zone).toLocalDate().toString(), when(zone), routes(), tags(), gates == null ? "" : gates,
                prompts == null ? "" : prompts).toLowerCase(Locale.ROOT);
    }

    RunRow withGates(String gates, String prompts, String gatesInWords) {
        return new RunRow(header, casesStored, gates, prompts, gatesInWords, outage, left);
    }

    /**
     * Everything the list's two short lines cut or abbreviate, for the row's tooltip: the run's id, status and
     * full start time, its gates in words, routes, prompt revisions, cases, the cases it chose (a slice) and tags.
     */
    public String description(ZoneId zone) {
        StringBuilder s = new StringBuilder("Run ").append(id()).append(" · ").append(status())
                .append(outage ? " (no case got an answer from the model)" : left != null ? " (" + left + ")" : "")
                .append(" · started ")
                .append(RunTime.of(header.startedAt(), zone)).append('\n');
        s.append(gatesInWords == null ? "gates: not read yet" : gatesInWords).append('\n');
        s.append("routes: ").append(routes());
        if (prompts != null && !prompts.isEmpty()) s.append(" · prompts: ").append(prompts);
        s.append(" · ").append(String.format(Locale.ROOT, "%,d/%s", casesStored,
                dev.evalbench.core.text.Counted.of(header.plannedCases(), "case")));
        if (header.config() != null && !header.config().coversAll()) {
            s.append('\n').append("chose: ").append(dev.evalbench.core.record.RunSlice.chose(header.config()));
        }
        if (!header.tags().isEmpty()) s.append('\n').append("tags: ").append(tags());
        return s.toString();
    }
}
