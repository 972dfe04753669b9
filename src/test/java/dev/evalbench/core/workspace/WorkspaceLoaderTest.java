package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.json.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceLoaderTest {
    @TempDir Path dir;

    @Test
    void loadsTheFixtureWithEveryPartResolved() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);

        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of("OPENAI_MODEL", "gpt-4.1-mini"));

        assertThat(ws.name()).isEqualTo("minimal-triage");
        assertThat(ws.defaultRoute()).isEqualTo("offline");
        assertThat(ws.suites()).extracting(SuiteSpec::name).containsExactly("triage", "safety");
        assertThat(ws.suite("triage").cases()).extracting(EvalCase::id).containsExactly("t001", "t002", "t003");
        assertThat(ws.suite("triage").cases()).extracting(EvalCase::line).containsExactly(1, 2, 4);
        assertThat(ws.prompts()).containsOnlyKeys("triage");
        assertThat(ws.prompts().get("triage").revision()).isEqualTo(3);
        assertThat(ws.routes()).containsOnlyKeys("offline", "openai");
        assertThat(ws.policy().revision()).isEqualTo(2);
        assertThat(ws.gates()).extracting(GateSpec::kind).containsExactly(
                GateSpec.GateKind.SCHEMA_PASS_RATE, GateSpec.GateKind.METRIC, GateSpec.GateKind.METRIC,
                GateSpec.GateKind.SAFETY_PASS_RATE, GateSpec.GateKind.P95_LATENCY, GateSpec.GateKind.TOTAL_TOKENS,
                GateSpec.GateKind.COST_VARIANCE);
    }

    @Test
    void digestsCoverEveryInputFileAndMatchTheirBytes() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);

        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());

        Map<String, String> expected = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                expected.put(root.relativize(p).toString().replace('\\', '/'), Digests.sha256(Files.readAllBytes(p)));
            }
        }
        assertThat(ws.inputDigests()).isEqualTo(expected);
        assertThat(ws.prompts().get("triage").contentHash()).isEqualTo(expected.get("prompts/triage.yaml"));
        assertThat(ws.prompts().get("triage").outputSchemaHash()).isEqualTo(expected.get("schemas/triage.schema.json"));
        assertThat(ws.suite("triage").datasetHash()).isEqualTo(expected.get("datasets/tickets.jsonl"));
        assertThat(ws.policy().hash()).isEqualTo(expected.get("policy.yaml"));
        assertThat(ws.preprocessHash()).isEqualTo(Digests.sha256("trim\ncollapse_whitespace"));
    }

    @Test
    void resolvesEnvironmentReferencesInRoutesAndLeavesApiKeysAsNames() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);

        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root),
                Map.of("OPENAI_BASE_URL", "http://127.0.0.1:8080/v1", "OPENAI_API_KEY", "sk-secret"));

        RouteSpec openai = ws.routes().get("openai");
        assertThat(openai.baseUrl()).isEqualTo("http://127.0.0.1:8080/v1");
        assertThat(openai.model()).isEqualTo("gpt-4o-mini");
        assertThat(openai.apiKeyEnv()).isEqualTo("OPENAI_API_KEY");
        assertThat(openai.toString()).doesNotContain("sk-secret");
        assertThat(openai.retries()).isEqualTo(new RouteSpec.Retry(3, 500, 8000, 100));
        assertThat(openai.breaker()).isEqualTo(new RouteSpec.Breaker(20, 5, 0.5, 15000L, 30000, 1));
        assertThat(openai.limits()).isEqualTo(new RouteSpec.Limits(8, 500, 200000));
        assertThat(openai.fallbacks()).containsExactly("offline");
        assertThat(openai.params().get("max_tokens").asInt()).isEqualTo(400);
        RouteSpec offline = ws.routes().get("offline");
        assertThat(offline.script()).isEqualTo("models/triage-rules.yaml");
        assertThat(offline.price()).isEqualTo(new RouteSpec.Price(0.15, 0.60));
        assertThat(offline.fallbacks()).isNull();
    }

    @Test
    void preprocessesEveryStringInVarsButNotExpectedValues() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);

        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());

        EvalCase t001 = ws.suite("triage").cases().get(0);
        assertThat(t001.vars().get("ticket").asText()).isEqualTo("I was charged twice for ORD-10421");
        assertThat(t001.vars().get("customer").get("name").asText()).isEqualTo("Ana");
        assertThat(t001.expected().get("order_id").asText()).isEqualTo("ORD-10421");
        assertThat(t001.restricted()).containsExactly("ana@example.com");
        assertThat(t001.expect()).isNull();
    }

    @Test
    void safetyProbesGetTheirExpectationsAndBlockingDefault() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);

        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());

        SuiteSpec safety = ws.suite("safety");
        assertThat(safety.classification()).isEmpty();
        assertThat(safety.routing()).isNull();
        EvalCase p001 = safety.cases().get(0);
        assertThat(p001.expected()).isNull();
        assertThat(p001.blocking()).isTrue();
        assertThat(p001.expect()).isEqualTo(new SafetyExpectation(false, java.util.List.of("refund"), java.util.List.of("issue_refund")));
        EvalCase p002 = safety.cases().get(1);
        assertThat(p002.blocking()).isFalse();
        assertThat(p002.expect()).isEqualTo(new SafetyExpectation(false, java.util.List.of(), java.util.List.of()));
    }

    @Test
    void gatesKeepTheirSettingsWithModeDefaults() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);

        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());

        GateSpec category = ws.gates().get(1);
        assertThat(category).isEqualTo(new GateSpec("category-accuracy", GateSpec.GateKind.METRIC, "triage",
                "classification.category.accuracy", 0.90, null, null, null, null, "strict", null));
        GateSpec action = ws.gates().get(2);
        assertThat(action.mode()).isEqualTo("significant");
        assertThat(action.alpha()).isEqualTo(0.05);
        assertThat(action.baselineTolerance()).isEqualTo(0.02);
        assertThat(ws.gates().get(4).maxMs()).isEqualTo(800.0);
    }

    @Test
    void aSnapshotOfTheFilesLoadsToTheSameWorkspace() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        Workspace fromDisk = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());
        Map<String, byte[]> snapshot = new TreeMap<>();
        for (String path : fromDisk.inputDigests().keySet()) snapshot.put(path, Files.readAllBytes(root.resolve(path)));

        Workspace fromSnapshot = WorkspaceLoader.load(new SnapshotWorkspaceFiles("snapshot of run r1", snapshot), Map.of());

        assertThat(fromSnapshot.inputDigests()).isEqualTo(fromDisk.inputDigests());
        assertThat(fromSnapshot.suite("triage").cases()).isEqualTo(fromDisk.suite("triage").cases());
        assertThat(fromSnapshot.routes()).isEqualTo(fromDisk.routes());
    }

    @Test
    void readsNothingOutsideTheFilesItUses() throws IOException, WorkspaceException {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.write(root, "notes/todo.txt", "not an input");

        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());

        assertThat(ws.inputDigests()).doesNotContainKey("notes/todo.txt");
    }
}
