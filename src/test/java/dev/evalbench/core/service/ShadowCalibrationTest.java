package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.cli.Cli;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.route.ProviderRegistry;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.run.WorkerPools;
import dev.evalbench.core.shadow.FieldDifference;
import dev.evalbench.core.shadow.ShadowComparison;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import dev.evalbench.core.template.TemplateVars;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shadow with calibration, Diffy's way, on a model with injected nondeterminism ({@link NoisyTriageModel}): the
 * candidate prompt changes every priority, while categories wander and replies differ on every call in production
 * too. Calibrated, only the priority is flagged; uncalibrated, the noise is flagged as well.
 */
class ShadowCalibrationTest {
    @TempDir
    Path tmp;

    @Test
    void calibrationFlagsOnlyTheRealChange() throws Exception {
        Path dir = Cli.copySample(tmp);
        Files.writeString(dir.resolve("routes.yaml"), "  noisy:\n    provider: ollama\n    model: noisy-1\n    base_url: http://127.0.0.1:9\n"
                + "    price: {input_per_mtok: 0.15, output_per_mtok: 0.60}\n", StandardOpenOption.APPEND);
        NoisyTriageModel model = new NoisyTriageModel();
        Path capture = capture(Components.loadChecked(dir, Map.of()), model, 200);
        RunService runs = new RunService(Clock.systemUTC(), Map.of(), ProviderRegistry.builtIn().with("ollama", model.kind()), WorkerPools.DAEMON);

        try (SqliteRunStore store = SqliteRunStore.open(dir.resolve(".evalbench/history.db"))) {
            new TrafficImport(Clock.systemUTC()).importFile(capture, Components.loadChecked(dir, Map.of()), dir, store, List.of("production"));
            Cli.edit(dir.resolve("prompts/triage.yaml"), "You read one customer ticket", NoisyTriageModel.ALWAYS_HIGH + ". You read one customer ticket");
            Workspace candidate = Components.loadChecked(dir, Map.of());
            ShadowService shadow = new ShadowService(runs, Map.of());

            ShadowService.Result calibrated = shadow.shadow("production", "noisy", true, ShadowComparison.Margins.DEFAULTS, candidate, dir,
                    store, RunListener.NONE, new Cancellation(), null, null);

            assertThat(flagged(calibrated)).containsExactly("output.priority");
            assertThat(calibrated.passed()).isFalse();
            assertThat(calibrated.shadow().kind()).isEqualTo(RunKind.SHADOW);
            assertThat(calibrated.calibrationRunId()).isNotNull();
            FieldDifference reply = field(calibrated, "output.reply");
            assertThat(reply.candidateRate()).isGreaterThan(0.9);
            assertThat(reply.noiseRate()).isGreaterThan(0.9);
            FieldDifference category = field(calibrated, "output.category");
            assertThat(category.candidateRate()).isBetween(0.2, 0.6);
            assertThat(category.flagged()).isFalse();
            assertThat(calibrated.comparison().decisionAgreement()).isEqualTo(1.0);
            assertThat(calibrated.comparison().validationAgreement()).isEqualTo(1.0);

            ShadowService.Result raw = shadow.shadow("production", "noisy", false, ShadowComparison.Margins.DEFAULTS, candidate, dir,
                    store, RunListener.NONE, new Cancellation(), null, null);
            assertThat(flagged(raw)).contains("output.priority", "output.reply", "output.category");
        }
    }

    private static List<String> flagged(ShadowService.Result r) {
        return r.comparison().flagged().stream().map(FieldDifference::field).toList();
    }

    private static FieldDifference field(ShadowService.Result r, String name) {
        return r.comparison().fields().stream().filter(f -> f.field().equals(name)).findFirst().orElseThrow();
    }

    /** What production answered: the model's first call for each ticket, rendered with the deployed prompt. */
    private Path capture(Workspace ws, NoisyTriageModel model, int n) throws Exception {
        List<EvalCase> tickets = ws.suite("triage").cases();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            EvalCase c = tickets.get(i % tickets.size());
            String output = model.answer(Components.renderer().render(ws.prompts().get("triage"), TemplateVars.of(c.vars())));
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("id", String.format(Locale.ROOT, "p-%04d", i));
            o.put("timestamp", Instant.parse("2026-11-16T08:00:00Z").plusSeconds(90L * i).toString());
            o.put("trace_id", String.format(Locale.ROOT, "%032x", 0x5ad0000L + i));
            o.put("route", "noisy").put("model", "noisy-1").put("prompt_id", "triage").put("prompt_version", 4).put("policy_version", 1);
            o.set("vars", c.vars());
            o.put("output", output).put("validation", "valid").put("decision", "reply");
            o.put("latency_ms", 300).put("tokens_in", 900).put("tokens_out", 40).put("cost_usd", 0.000159);
            lines.add(o.toString());
        }
        Path file = tmp.resolve("production.jsonl");
        Files.write(file, lines);
        return file;
    }
}
