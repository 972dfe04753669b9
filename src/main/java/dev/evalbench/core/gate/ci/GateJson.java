package dev.evalbench.core.gate.ci;

import dev.evalbench.core.io.AtomicFiles;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.gate.RepeatStats;
import dev.evalbench.core.record.RouteUsage;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.eval.JudgeAgreement;
import java.io.IOException;
import java.util.List;
import java.nio.file.Path;

/**
 * The machine-readable gate result ({@code --json}):
 * <pre>
 * {"run_id", "baseline_run_id" (null without one), "status": "passed" | "failed" | "incomplete",
 *  "passed", "run_status", "gates": [{id, kind, suite, passed, value, threshold, comparator, baseline_value,
 *  interval_low, interval_high, interval_of: "value" | "difference", p_value, mode, detail}],
 *  "counts": {gates, gates_failed, cases, planned_cases, cases_passed, cases_failed, provider_failures},
 *  "slice": {suites, case_ids, tags, sentence} (only when the run chose some cases: its gates judge those alone),
 *  "judges": [...] (only when a suite has model-graded judges; see {@link JudgeJson})}
 * </pre>
 * {@code status} is the run's: "complete", or "incomplete" (exit 3) when it did not finish; {@code passed}
 * is true when every gate passed, so complete + passed is exit 0 and complete + not passed is exit 1. Numbers that have no value (NaN, infinity) are JSON null.
 * {@code interval_of} is "difference" when the interval is of the paired change against the baseline.
 * Stateless and thread-safe.
 */
public final class GateJson {

    public ObjectNode toJson(GateReport report, StoredRun run) {
        return toJson(report, RunCases.of(run));
    }

    public ObjectNode toJson(GateReport report, RunCases run) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("run_id", report.runId());
        root.put("baseline_run_id", report.baselineRunId());
        RunStatus runStatus = run.header().status();
        root.put("status", runStatus == RunStatus.COMPLETE ? "complete" : "incomplete");
        root.put("passed", report.passed());
        ArrayNode gates = root.putArray("gates");
        for (GateVerdict v : report.verdicts()) {
            gates.add(gate(v));
        }
        RunNumbers numbers = RunNumbers.of(run);
        ObjectNode counts = root.putObject("counts");
        counts.put("gates", report.verdicts().size());
        counts.put("gates_failed", report.verdicts().stream().filter(v -> !v.passed()).count());
        counts.put("cases", numbers.cases());
        counts.put("planned_cases", run.header().plannedCases());
        counts.put("cases_passed", numbers.passed());
        counts.put("cases_failed", numbers.cases() - numbers.passed());
        counts.put("provider_failures", numbers.providerFailures());
        RouteUsage usage = RouteUsage.of(run);
        ObjectNode routes = root.putObject("routes");
        routes.set("answered", Json.MAPPER.valueToTree(usage.answered()));
        routes.set("fallbacks", Json.MAPPER.valueToTree(usage.fallbacks()));
        routes.set("failures", Json.MAPPER.valueToTree(usage.failures()));
        routes.put("retries", usage.retries());
        routes.put("cache_hits", usage.cacheHits());
        root.set("events", Json.MAPPER.valueToTree(run.events()));
        // Only for a run that chose some cases: its gates judge those alone, and a tool reading this must know it.
        var config = run.header().config();
        if (config != null && !config.coversAll()) {
            ObjectNode slice = root.putObject("slice");
            slice.set("suites", Json.MAPPER.valueToTree(config.suites()));
            slice.set("case_ids", Json.MAPPER.valueToTree(config.caseIds()));
            slice.set("tags", Json.MAPPER.valueToTree(config.tags()));
            slice.put("sentence", dev.evalbench.core.record.RunSlice.sentence(config));
        }
        List<JudgeAgreement> judges = JudgeAgreement.of(run.cases());
        if (!judges.isEmpty()) root.set("judges", JudgeJson.of(judges));
        RepeatStats repeat = RepeatStats.of(run.cases());
        if (repeat.samplesPerCase() > 1) {
            ObjectNode r = root.putObject("repeat");
            r.put("samples_per_case", repeat.samplesPerCase());
            r.put("pass_all_rate", repeat.passAllRate());
            r.put("sample_pass_rate", repeat.samplePassRate());
            ArrayNode flaky = r.putArray("flaky");
            repeat.flaky().forEach(c -> flaky.addObject().put("suite", c.suite()).put("case_id", c.caseId())
                    .put("route", c.route()).put("passes", c.passes()).put("samples", c.samples()));
        }
        return root;
    }

    public String render(GateReport report, StoredRun run) {
        return render(report, RunCases.of(run));
    }

    public String render(GateReport report, RunCases run) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(report, run)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree failed to serialize", e);
        }
    }

    public void write(GateReport report, StoredRun run, Path file) throws IOException {
        write(report, RunCases.of(run), file);
    }

    public void write(GateReport report, RunCases run, Path file) throws IOException {
        AtomicFiles.write(file, (render(report, run)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static ObjectNode gate(GateVerdict v) {
        ObjectNode g = Json.MAPPER.createObjectNode();
        g.put("id", v.id());
        g.put("kind", v.kind());
        g.put("suite", v.suite());
        g.put("passed", v.passed());
        g.put("verdict", VerdictFormat.jsonVerdict(v));
        number(g, "value", v.value());
        number(g, "threshold", v.threshold());
        g.put("comparator", v.comparator());
        number(g, "baseline_value", v.baselineValue());
        number(g, "interval_low", v.intervalLow());
        number(g, "interval_high", v.intervalHigh());
        g.put("interval_of", v.intervalLow() == null ? null : VerdictFormat.intervalOfDifference(v) ? "difference" : "value");
        number(g, "p_value", v.pValue());
        g.put("mode", v.mode());
        g.put("detail", v.detail());
        // The threshold in the user's words where more than one setting made it ("min 0.850; baseline 0.921 − 0.020").
        if (v.bound() != null) g.put("bound", v.bound());
        return g;
    }

    private static void number(ObjectNode node, String field, Double value) {
        if (value == null || !Double.isFinite(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
