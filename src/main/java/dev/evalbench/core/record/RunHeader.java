package dev.evalbench.core.record;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run in the history. {@code inputs} maps each input file (workspace-relative) to the SHA-256 of the
 * snapshot stored for it. {@code plannedCases} counts every case key the run will store when complete.
 * {@code pid} is the process that wrote it, so a RUNNING run whose process is gone can be told apart.
 * {@code finishedAt} is null until the run ends.
 */
public record RunHeader(
        String id,
        String workspace,
        String workspacePath,
        RunConfig config,
        RunStatus status,
        Instant startedAt,
        Instant finishedAt,
        String appVersion,
        String gitCommit,
        Map<String, String> inputs,
        int plannedCases,
        long pid,
        List<String> tags) {}
