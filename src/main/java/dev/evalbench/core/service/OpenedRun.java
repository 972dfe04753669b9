package dev.evalbench.core.service;

import dev.evalbench.core.record.StoredRun;
import java.nio.file.Path;
import java.util.Map;

/**
 * A run read from what CI produced, without any history: {@code file} is the file actually read (an export
 * or a report.json), {@code opened} what the user named (that file, a report folder or an envelope), and
 * {@code kind} says which in words ("run export", "report", "report, opened from its envelope").
 * {@code templates} are the prompt template texts the file carries by SHA-256 (empty when none). A canary or
 * shadow report folder opens as its {@code verdict}: then {@code run} is null (the folder holds no records).
 * {@code reportGates} are the gates a report.json records (null for an export), shown where the run cannot be
 * gated again. A report written against a baseline brings that {@code baseline} (its records as the comparison read
 * them, masked) and the {@code baselineGates} its comparison recorded for it, so the folder alone opens as the
 * comparison; both null otherwise. {@code baselineUnread} says why a report's baseline could not be brought (its
 * records file missing, altered or truncated: the run's own records still checked out, so it opens alone), else
 * null. {@code envelope} is the signed envelope beside a report's report.json (found when the file was read, so no
 * one asks the file system again on a UI thread), or null. {@code notAsSigned} says how a signed report's
 * report.json differs from what its envelope signed ("report.json: sha256 differs from the signed subject …"; its
 * records were checked against report.json as they were read), with no key needed; null when it is as signed or
 * nothing is signed.
 * Immutable.
 */
public record OpenedRun(StoredRun run, Path file, Path opened, String kind,
                        Map<String, dev.evalbench.core.store.PromptTemplates.Text> templates, VerdictReport verdict,
                        dev.evalbench.core.gate.GateReport reportGates, StoredRun baseline,
                        dev.evalbench.core.gate.GateReport baselineGates, String baselineUnread, Path envelope,
                        String notAsSigned) {
    public OpenedRun {
        templates = Map.copyOf(templates);
    }

    public OpenedRun(StoredRun run, Path file, Path opened, String kind) {
        this(run, file, opened, kind, Map.of(), null, null, null, null, null, null, null);
    }

    /** A verdict report folder; {@code notAsSigned} as for a report (null: as signed, or unsigned). */
    public static OpenedRun ofVerdict(VerdictReport verdict, Path file, Path opened, String notAsSigned) {
        return new OpenedRun(null, file, opened, verdict.kind() + " verdict", Map.of(), verdict, null, null, null, null, null,
                notAsSigned);
    }

    /** Whether it is a report that brought the baseline it was compared with. */
    public boolean hasBaseline() {
        return baseline != null;
    }

    public boolean isVerdict() {
        return verdict != null;
    }

    /** What a tab or a list calls it, e.g. "report of 20261129-2123 (ci-artifacts/report.json)". */
    public String describe() {
        return kind + " " + (run == null ? "" : run.id() + " ") + "(" + opened + ")";
    }
}
