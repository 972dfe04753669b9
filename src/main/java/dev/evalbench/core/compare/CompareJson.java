package dev.evalbench.core.compare;

import dev.evalbench.core.mask.OutboundMask;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.gate.ci.VerdictFormat;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.StoredRun;
import java.util.List;
import java.util.Locale;

/**
 * The machine form of a comparison ({@code evalbench compare --json}, and the {@code comparison} member of
 * report.json): snake_case keys, non-finite numbers as null (so the tree is valid RFC 8785 input), case
 * changes in {@link RunComparison} order with their full side-by-side diff rows. Pure.
 */
public final class CompareJson {
    public static final String FORMAT = "evalbench-compare/1";

    private CompareJson() {}

    public static ObjectNode toJson(RunComparison c) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.set("before", runSummary(c.before(), c.beforeTally()));
        root.set("after", runSummary(c.after(), c.afterTally()));
        root.put("masking", OutboundMask.notice(c.before(), c.after()));
        ArrayNode changed = root.putArray("what_changed");
        c.versions().outputAffecting().stream().map(v -> v.component().label()).distinct().forEach(changed::add);
        ArrayNode versions = root.putArray("version_changes");
        for (VersionChange v : c.versions().changes()) {
            ObjectNode node = versions.addObject().put("component", v.component().label()).put("subject", v.subject())
                    .put("before", v.before()).put("after", v.after()).put("affects_output", v.component().affectsOutput());
            if (!v.detail().isEmpty()) node.put("detail", v.detail());
        }
        ArrayNode templates = root.putArray("templates");
        for (TemplateDiff t : c.templates()) {
            // A prompt's template, a prompt's output schema, or the policy (no prompt id).
            ObjectNode node = templates.addObject().put("component", t.component().label());
            if (!t.subject().isEmpty()) node.put("prompt_id", t.subject());
            node.put("before_path", t.beforePath()).put("after_path", t.afterPath()).put("available", t.available());
            if (t.available()) node.set("diff", rows(t.diff()));
            else node.put("unavailable", t.unavailable());
        }
        root.put("matched_cases", c.matchedCases());
        // Each run within what the other chose (a partial run against a whole one): the cases left out of each,
        // and what each run chose in words (null when nothing was left out).
        root.putObject("scope").put("narrowed", c.scope().narrowed())
                .put("before_left_out", c.scope().beforeLeftOut()).put("after_left_out", c.scope().afterLeftOut())
                .put("before_chose", c.scope().beforeChose()).put("after_chose", c.scope().afterChose());
        ObjectNode counts = root.putObject("counts");
        for (CaseChange.Kind kind : CaseChange.Kind.values()) counts.put(kind.name().toLowerCase(Locale.ROOT), c.count(kind));
        ArrayNode cases = root.putArray("cases");
        c.cases().forEach(change -> cases.add(caseChange(change)));
        ArrayNode metrics = root.putArray("metrics");
        c.metrics().forEach(m -> metrics.add(metric(m)));
        ArrayNode gates = root.putArray("gates");
        for (GateDelta g : c.gates()) {
            ObjectNode node = gates.addObject().put("id", g.id()).put("verdict_changed", g.verdictChanged());
            node.set("before", g.before() == null ? null : verdict(g.before()));
            node.set("after", g.after() == null ? null : verdict(g.after()));
        }
        return root;
    }

    /** A run's id, workspace, status, start, tags and case counts: how a comparison names its two runs. */
    public static ObjectNode runSummary(StoredRun run) {
        return runSummary(run, RunTally.of(run.cases()));
    }

    /** As {@link #runSummary(StoredRun)}, with the counts of {@code tally} (a run read as summaries). */
    public static ObjectNode runSummary(StoredRun run, RunTally tally) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("run_id", run.id()).put("workspace", run.header().workspace())
                .put("status", run.header().status().name().toLowerCase(Locale.ROOT))
                .put("started_at", String.valueOf(run.header().startedAt()))
                .put("cases", tally.cases())
                .put("passed", tally.passed());
        ArrayNode tags = node.putArray("tags");
        if (run.header().tags() != null) run.header().tags().forEach(tags::add);
        return node;
    }

    private static ObjectNode caseChange(CaseChange change) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("kind", change.kind().name().toLowerCase(Locale.ROOT)).put("key", change.key());
        node.set("before", change.before() == null ? null : side(change.before()));
        node.set("after", change.after() == null ? null : side(change.after()));
        node.set("diff", change.diff() == null ? null : rows(change.diff()));
        return node;
    }

    private static ObjectNode side(CaseRecord r) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("passed", r.passed()).put("schema_valid", r.schemaValid())
                .put("final_action", r.decision() == null ? null : r.decision().finalAction())
                .put("failure_kind", r.failureKind()).put("latency_ms", r.latencyMs())
                .put("output", OutputText.of(r));
        ArrayNode failures = node.putArray("failures");
        if (r.evaluation() != null) r.evaluation().failures().forEach(failures::add);
        return node;
    }

    static ArrayNode rows(OutputDiff diff) {
        ArrayNode rows = Json.MAPPER.createArrayNode();
        for (DiffRow row : diff.rows()) {
            ObjectNode node = rows.addObject().put("kind", row.kind().name().toLowerCase(Locale.ROOT));
            node.put("before_line", row.beforeLine()).put("after_line", row.afterLine());
            node.set("before", segments(row.before()));
            node.set("after", segments(row.after()));
        }
        return rows;
    }

    private static ArrayNode segments(List<DiffSegment> segments) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        segments.forEach(s -> list.addObject().put("text", s.text()).put("changed", s.changed()));
        return list;
    }

    private static ObjectNode metric(MetricDelta m) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", m.id()).put("label", m.label()).put("unit", m.unit());
        number(node, "before", m.before());
        number(node, "after", m.after());
        number(node, "delta", m.delta());
        nullable(node, "before_low", m.beforeLow());
        nullable(node, "before_high", m.beforeHigh());
        nullable(node, "after_low", m.afterLow());
        nullable(node, "after_high", m.afterHigh());
        nullable(node, "delta_low", m.deltaLow());
        nullable(node, "delta_high", m.deltaHigh());
        nullable(node, "p_value", m.pValue());
        node.put("test", m.test()).put("pairs", m.pairs());
        return node;
    }

    /**
     * A gate verdict with non-finite numbers as null, and its verdict word ("pass", "fail", "not_run") beside
     * {@code passed}, as {@code gate --json} writes it: a gate that did not run passes, and only the word says it
     * measured nothing.
     */
    public static ObjectNode verdict(GateVerdict v) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", v.id()).put("kind", v.kind()).put("suite", v.suite()).put("passed", v.passed())
                .put("verdict", VerdictFormat.jsonVerdict(v));
        number(node, "value", v.value());
        number(node, "threshold", v.threshold());
        node.put("comparator", v.comparator());
        nullable(node, "baseline_value", v.baselineValue());
        nullable(node, "interval_low", v.intervalLow());
        nullable(node, "interval_high", v.intervalHigh());
        nullable(node, "p_value", v.pValue());
        node.put("mode", v.mode()).put("detail", v.detail());
        // The threshold in the user's words where more than one setting made it ("min 0.850; baseline 0.921 − 0.020").
        if (v.bound() != null) node.put("bound", v.bound());
        return node;
    }

    static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) node.put(name, value);
        else node.putNull(name);
    }

    static void nullable(ObjectNode node, String name, Double value) {
        if (value == null) node.putNull(name);
        else number(node, name, value);
    }
}
