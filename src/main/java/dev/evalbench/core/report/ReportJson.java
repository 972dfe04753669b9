package dev.evalbench.core.report;

import dev.evalbench.core.report.model.ReportContent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.compare.CompareJson;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.json.CanonicalJson;
import dev.evalbench.core.json.Digests;
import dev.evalbench.core.report.model.ClippedText;

/**
 * report.json: the canonical (RFC 8785) JSON form of a report, the file that is signed. It is sized by what a
 * reviewer reads: {@code run} holds the run's header, events and the records of its first
 * {@value #FAILING_CASES_SHOWN} failing cases, each text of them {@linkplain dev.evalbench.core.report.model.ClippedText clipped} to
 * {@value dev.evalbench.core.report.model.ClippedText#SHOWN} characters; every record is in {@link ReportCases#FILE} next to it, bound by
 * {@code run_cases} ({@code file}, {@code sha256} of its exact bytes, {@code count}, {@code failing}), so
 * {@link dev.evalbench.core.store.RunExport#read} reads a report back as a baseline, whole and checked, and a
 * signature over report.json covers the records too. Members:
 * {@code format} ({@value #FORMAT}), {@code generator}, {@code run}, {@code run_cases}, {@code gates} (verdicts and the overall
 * verdict), {@code summary} (whole-run and per-suite numbers), {@code baseline} (the baseline's id and counts,
 * or null), {@code baseline_cases} (with a baseline: its header and the binding of {@link #BASELINE_CASES_FILE},
 * the baseline's records as the comparison read them, so a reviewer opens the comparison from the folder alone),
 * {@code comparison} ({@link CompareJson}, or null) and, for a run whose suites have model-graded
 * judges, {@code judges} (outcomes and agreement with human labels; see
 * {@link dev.evalbench.core.gate.ci.JudgeJson}).
 *
 * <p>No time of generation is written: the same stored run, gates and baseline always give the same bytes,
 * so a report can be re-made later and still match its signature. Pure.
 */
public final class ReportJson {
    public static final String FORMAT = "evalbench-report/1";

    private ReportJson() {}

    /** Full records of failing cases kept in report.json itself, for a reviewer reading it without tools. */
    public static final int FAILING_CASES_SHOWN = 100;

    /**
     * The file beside report.json that holds the baseline's records (masked, within what the run ran), bound by
     * {@code baseline_cases}; written only with a baseline.
     */
    public static final String BASELINE_CASES_FILE = "report-baseline-cases.jsonl.gz";

    /** The exact bytes of {@link #BASELINE_CASES_FILE} for a content with a baseline (the same records, the same bytes). */
    public static byte[] baselineCases(ReportContent content) {
        return ReportCases.bytes(content.baseline());
    }

    /** report.json, binding the exact bytes of {@link ReportCases#FILE} the content's run was written to. */
    public static ObjectNode toJson(ReportContent content) {
        return toJson(content, content.hasBaseline() ? baselineCases(content) : null);
    }

    /** As {@link #toJson(ReportContent)}, with the bytes of {@link #BASELINE_CASES_FILE} already made (null without a baseline). */
    static ObjectNode toJson(ReportContent content, byte[] baselineCases) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("generator", content.generator());
        ObjectNode run = root.putObject("run");
        run.set("header", Json.MAPPER.valueToTree(content.run().header()));
        run.set("events", Json.MAPPER.valueToTree(content.run().events()));
        ArrayNode failing = run.putArray("cases");
        content.run().failingShown().stream().limit(FAILING_CASES_SHOWN)
                .forEach(r -> failing.add(ClippedText.tree(Json.MAPPER.<JsonNode>valueToTree(r))));
        root.putObject("run_cases").put("file", ReportCases.FILE).put("sha256", Digests.sha256(content.run().casesFile()))
                .put("count", content.run().count())
                .put("failing", (long) content.run().failing());
        ObjectNode gates = root.putObject("gates");
        gates.put("passed", content.passed()).put("run_id", content.gates().runId())
                .put("baseline_run_id", content.gates().baselineRunId());
        ArrayNode verdicts = gates.putArray("verdicts");
        for (GateVerdict v : content.gates().verdicts()) verdicts.add(CompareJson.verdict(v));
        root.set("summary", RunSummaryJson.toJson(content.run().summary()));
        root.set("baseline", content.hasBaseline() ? CompareJson.runSummary(content.baseline()) : null);
        if (content.hasBaseline()) {
            ObjectNode binding = root.putObject("baseline_cases");
            binding.set("header", Json.MAPPER.valueToTree(content.baseline().header()));
            binding.put("file", BASELINE_CASES_FILE).put("sha256", Digests.sha256(baselineCases))
                    .put("count", content.baseline().cases().size());
        }
        root.set("comparison", content.hasBaseline() ? CompareJson.toJson(content.comparison()) : null);
        var judges = dev.evalbench.core.eval.JudgeAgreement.of(content.run().judged());
        if (!judges.isEmpty()) root.set("judges", dev.evalbench.core.gate.ci.JudgeJson.of(judges));
        root.put("masking", content.maskingNotice());
        root.set("rollback_target", RollbackTargets.json(rollbackTarget(content)));
        return root;
    }

    /** The baseline's versions and files: what to restore if this change is undone (null without a baseline). */
    public static dev.evalbench.core.report.model.RollbackTarget rollbackTarget(ReportContent content) {
        if (!content.hasBaseline()) return null;
        return RollbackTargets.of(content.baseline().header(), content.baseline().cases().stream()
                .map(dev.evalbench.core.record.CaseRecord::versions).filter(java.util.Objects::nonNull).toList());
    }

    /** The exact bytes of report.json. */
    public static byte[] bytes(ReportContent content) {
        return bytes(content, content.hasBaseline() ? baselineCases(content) : null);
    }

    /** As {@link #bytes(ReportContent)}, with the bytes of {@link #BASELINE_CASES_FILE} already made. */
    static byte[] bytes(ReportContent content, byte[] baselineCases) {
        JsonNode safe = JcsValues.representable(toJson(content, baselineCases));
        return CanonicalJson.canonicalize(safe);
    }
}
