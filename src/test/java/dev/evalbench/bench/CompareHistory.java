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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A copy of the sample whose history holds two runs of {@code cases} cases each, for the comparison benchmark:
 * {@value #BASE} (tagged main) repeats the records of a real offline run of prompt revision 4, {@value #HEAD}
 * those of a real run of revision 5, which takes order ids from the order history (17 of every 159 cases
 * regress). Case ids get the same numbered suffix in both, so they align. Built once into {@code dir}.
 */
final class CompareHistory {
    static final String BASE = "compare-base";
    static final String HEAD = "compare-head";

    private CompareHistory() {}

    static Path build(Path dir, int cases) throws Exception {
        Path ws = dir.resolve("support-triage");
        if (Files.isRegularFile(HistoryLocation.defaultDb(ws))) return ws;
        dev.evalbench.cli.Cli.copyTree(Path.of("workspaces/support-triage"), ws);
        try (RunStore store = SqliteRunStore.open(HistoryLocation.prepare(ws))) {
            RunHeader base = realRun(ws, store);
            Path prompt = ws.resolve("prompts/triage.yaml");
            Files.writeString(prompt, Files.readString(prompt, StandardCharsets.UTF_8).replace("revision: 4", "revision: 5")
                    .replace("{% for order in customer.orders %}  * {{ order.id }}", "{% for order in customer.orders %}  - {{ order.id }}"),
                    StandardCharsets.UTF_8);
            RunHeader head = realRun(ws, store);
            copy(store, base, BASE, byKey(store.cases(base.id())), cases, base.startedAt().plus(Duration.ofMinutes(1)));
            copy(store, head, HEAD, byKey(store.cases(head.id())), cases, head.startedAt().plus(Duration.ofMinutes(2)));
            store.tag(BASE, "main");
        }
        return ws;
    }

    /** Stored order follows the workers' finishing order; sorted, the n-th copy of both runs is the same case. */
    private static List<CaseRecord> byKey(List<CaseRecord> records) {
        return records.stream().sorted(java.util.Comparator.comparing((CaseRecord r) -> r.key().toString())).toList();
    }

    private static RunHeader realRun(Path ws, RunStore store) throws Exception {
        Workspace workspace = Components.loadChecked(ws, Map.of());
        return new RunService(Clock.systemUTC(), Map.of()).run(workspace, ws, new RunConfig(List.of("offline"), List.of(), 1, 4, "off"),
                store, RunListener.NONE, new Cancellation());
    }

    private static void copy(RunStore store, RunHeader real, String id, List<CaseRecord> template, int cases,
                             java.time.Instant startedAt) throws Exception {
        store.createRun(new RunHeader(id, real.workspace(), real.workspacePath(), real.config(), RunStatus.RUNNING,
                startedAt, null, real.appVersion(), real.gitCommit(), real.inputs(), cases, real.pid(), List.of()));
        for (int i = 0; i < cases; i++) {
            CaseRecord r = template.get(i % template.size());
            ObjectNode json = Json.MAPPER.valueToTree(r);
            json.put("run_id", id);
            ((ObjectNode) json.get("key")).put("case_id", r.key().caseId() + String.format(Locale.ROOT, "-%05d", i));
            store.appendCase(Json.MAPPER.treeToValue(json, CaseRecord.class));
        }
        store.finishRun(id, RunStatus.COMPLETE, startedAt.plusSeconds(30));
    }
}
