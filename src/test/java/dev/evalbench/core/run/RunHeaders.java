package dev.evalbench.core.run;

import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Plausible {@link RunHeader}s for tests: a RUNNING run of the support-triage workspace by this process. */
public final class RunHeaders {
    private RunHeaders() {}

    public static RunHeader running(String id, Instant startedAt) {
        return running(id, startedAt, ProcessHandle.current().pid());
    }

    public static RunHeader running(String id, Instant startedAt, long pid) {
        return new RunHeader(id, "support-triage", "/home/ana/evalbench/workspaces/support-triage",
                new RunConfig(List.of("offline", "openai"), List.of(), 1, 4, "read-write"),
                RunStatus.RUNNING, startedAt, null, "0.1.0", "3f2c9a1e5b7d4c6a8e0f1a2b3c4d5e6f7a8b9c0d",
                Map.of("prompts/triage.yaml", "a".repeat(64), "datasets/tickets.jsonl", "b".repeat(64)),
                24, pid, List.of());
    }

    /** The same header with another status, finish time and tags, as a store would read it back. */
    public static RunHeader with(RunHeader h, RunStatus status, Instant finishedAt, List<String> tags) {
        return new RunHeader(h.id(), h.workspace(), h.workspacePath(), h.config(), status, h.startedAt(), finishedAt,
                h.appVersion(), h.gitCommit(), h.inputs(), h.plannedCases(), h.pid(), tags);
    }
}
