package dev.evalbench.core.report;

import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.report.model.ReportContent;
import dev.evalbench.core.report.model.RunSummary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.compare.CompareJson;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.json.CanonicalJson;

/**
 * report.json: the canonical (RFC 8785) JSON form of a report, the file that is signed. It embeds the run
 * exactly as {@link Json#MAPPER} serializes a {@link dev.evalbench.core.record.StoredRun}, under {@code "run"},
 * so {@link dev.evalbench.core.store.RunExport#read} reads a report back as a baseline. Members:
 * {@code format} ({@value #FORMAT}), {@code generator}, {@code run}, {@code gates} (verdicts and the overall
 * verdict), {@code summary} (whole-run and per-suite numbers), {@code baseline} (the baseline's id and counts,
 * or null) and {@code comparison} ({@link CompareJson}, or null).
 *
 * <p>No time of generation is written: the same stored run, gates and baseline always give the same bytes,
 * so a report can be re-made later and still match its signature. Pure.
 */
public final class ReportJson {
    public static final String FORMAT = "evalbench-report/1";

    private ReportJson() {}

    public static ObjectNode toJson(ReportContent content) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("generator", content.generator());
        root.set("run", Json.MAPPER.valueToTree(content.run()));
        ObjectNode gates = root.putObject("gates");
        gates.put("passed", content.passed()).put("run_id", content.gates().runId())
                .put("baseline_run_id", content.gates().baselineRunId());
        ArrayNode verdicts = gates.putArray("verdicts");
        for (GateVerdict v : content.gates().verdicts()) verdicts.add(CompareJson.verdict(v));
        root.set("summary", RunSummaryJson.toJson(RunSummary.of(content.run())));
        root.set("baseline", content.hasBaseline() ? CompareJson.runSummary(content.baseline()) : null);
        root.set("comparison", content.hasBaseline() ? CompareJson.toJson(content.comparison()) : null);
        root.put("masking", OutboundMask.notice(content.run(), content.baseline()));
        return root;
    }

    /** The exact bytes of report.json. */
    public static byte[] bytes(ReportContent content) {
        JsonNode safe = JcsValues.representable(toJson(content));
        return CanonicalJson.canonicalize(safe);
    }
}
