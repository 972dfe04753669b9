package dev.evalbench.core.service;

import dev.evalbench.core.record.StoredRun;
import java.nio.file.Path;

/**
 * A run read from what CI produced, without any history: {@code file} is the file actually read (an export
 * or a report.json), {@code opened} what the user named (that file, a report folder or an envelope), and
 * {@code kind} says which in words ("run export", "report", "report, opened from its envelope"). Immutable.
 */
public record OpenedRun(StoredRun run, Path file, Path opened, String kind) {
    /** What a tab or a list calls it, e.g. "report of 20261129-2123 (ci-artifacts/report.json)". */
    public String describe() {
        return kind + " " + run.id() + " (" + opened + ")";
    }
}
