package dev.evalbench.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.service.RunService;
import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import dev.evalbench.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A copy of the sample workspace whose history holds {@code runs} runs: one real offline run of the sample
 * (the real engine), copies of its records as older runs, and one run of {@code bigCases} cases (the sample's
 * records repeated under new case ids) as the newest. Records are copied through their JSON form, so the
 * copies are what the store would hold. Built once into {@code dir} and reused while its history exists.
 */
final class BenchHistory {
    static final String BIG_RUN = "bench-big";

    private BenchHistory() {}

    static Path build(Path dir, int runs, int bigCases) throws Exception {
        Path ws = dir.resolve("support-triage");
        if (Files.isRegularFile(HistoryLocation.defaultDb(ws))) return ws;
        dev.evalbench.cli.Cli.copyTree(Path.of("workspaces/support-triage"), ws);
        Workspace workspace = Components.loadChecked(ws, Map.of());
        try (RunStore store = SqliteRunStore.open(HistoryLocation.prepare(ws))) {
            RunConfig config = new RunConfig(List.of("offline"), List.of(), 1, 4, "off");
            RunHeader real = new RunService(Clock.systemUTC(), Map.of()).run(workspace, ws, config, store,
                    RunListener.NONE, new Cancellation());
            List<CaseRecord> template = store.cases(real.id());
            for (int n = 1; n < runs - 1; n++) {
                copy(store, real, String.format(Locale.ROOT, "bench-%03d", n), template, template.size(),
                        real.startedAt().minus(Duration.ofHours(n)));
                if (n % 20 == 0) System.err.printf("history: %d of %d runs%n", n, runs);
            }
            copy(store, real, BIG_RUN, template, bigCases, real.startedAt().plus(Duration.ofMinutes(5)));
        }
        return ws;
    }

    private static void copy(RunStore store, RunHeader real, String id, List<CaseRecord> template, int cases,
                             java.time.Instant startedAt) throws Exception {
        store.createRun(new RunHeader(id, real.workspace(), real.workspacePath(), real.config(), RunStatus.RUNNING,
                startedAt, null, real.appVersion(), real.gitCommit(), real.inputs(), cases, real.pid(), List.of()));
        for (int i = 0; i < cases; i++) {
            CaseRecord r = template.get(i % template.size());
            ObjectNode json = Json.MAPPER.valueToTree(r);
            json.put("run_id", id);
            if (cases > template.size()) {
                ((ObjectNode) json.get("key")).put("case_id", r.key().caseId() + String.format(Locale.ROOT, "-%05d", i));
            }
            store.appendCase(Json.MAPPER.treeToValue(json, CaseRecord.class));
        }
        store.finishRun(id, RunStatus.COMPLETE, startedAt.plusSeconds(30));
    }
}
