package dev.evalbench.core.record;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run in the history. {@code inputs} maps each input file (workspace-relative) to the SHA-256 of the
 * snapshot stored for it. {@code plannedCases} counts every case key the run will store when complete.
 * {@code pid} is the process that wrote it, so a RUNNING run whose process is gone can be told apart.
 * {@code finishedAt} is null until the run ends. {@code kind} says whether the run is an eval, captured production
 * traffic or a shadow run; records and files written before it existed read as {@link RunKind#EVAL}.
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
        List<String> tags,
        RunKind kind) {

    public RunHeader {
        kind = kind == null ? RunKind.EVAL : kind;
    }

    /** An eval run's header (the kind every run had before traffic runs existed). */
    public RunHeader(String id, String workspace, String workspacePath, RunConfig config, RunStatus status,
                     Instant startedAt, Instant finishedAt, String appVersion, String gitCommit,
                     Map<String, String> inputs, int plannedCases, long pid, List<String> tags) {
        this(id, workspace, workspacePath, config, status, startedAt, finishedAt, appVersion, gitCommit, inputs,
                plannedCases, pid, tags, RunKind.EVAL);
    }

    /** This header with another config: the run as if it had chosen only what {@code newConfig} chooses. */
    public RunHeader withConfig(RunConfig newConfig) {
        return new RunHeader(id, workspace, workspacePath, newConfig, status, startedAt, finishedAt, appVersion, gitCommit,
                inputs, plannedCases, pid, tags, kind);
    }

    /** This header with another kind. */
    public RunHeader withKind(RunKind newKind) {
        return new RunHeader(id, workspace, workspacePath, config, status, startedAt, finishedAt, appVersion, gitCommit,
                inputs, plannedCases, pid, tags, newKind);
    }
}
