package dev.evalbench.core.shadow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.compare.CompareJson;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.report.RollbackTargets;
import dev.evalbench.core.report.model.RollbackTarget;
import java.util.Locale;

/**
 * A shadow verdict as report.json ({@value #FORMAT}) and report.md: agreement, flips first, each field's difference
 * rate against the calibration noise, latency and cost deltas, the gates that apply to a shadow run, and the
 * rollback target (production's versions). Written and signed by {@code CanaryReport.write}. Pure.
 */
public final class ShadowReport {
    public static final String FORMAT = "evalbench-shadow/1";
    static final int FLIPS_SHOWN = 50;

    private ShadowReport() {}

    public static ObjectNode toJson(ShadowComparison.Result c, GateReport gates, boolean passed, String trafficRunId, String shadowRunId,
                                    String calibrationRunId, String route, String workspace, RollbackTarget rollback, String generator) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("generator", generator);
        root.put("verdict", passed ? "pass" : "changed");
        root.put("workspace", workspace);
        root.put("traffic_run_id", trafficRunId);
        root.put("shadow_run_id", shadowRunId);
        root.put("calibration_run_id", calibrationRunId);
        root.put("route", route);
        root.put("compared", c.compared());
        root.put("validation_agreement", c.validationAgreement());
        root.put("decision_agreement", c.decisionAgreement());
        ArrayNode flips = root.putArray("flips");
        c.flips().stream().limit(FLIPS_SHOWN).forEach(f -> flips.add(Json.MAPPER.<ObjectNode>valueToTree(f)));
        root.put("flips_total", c.flips().size());
        root.set("fields", Json.MAPPER.valueToTree(c.fields()));
        root.putObject("latency_p95_ms").put("production", c.productionP95Ms()).put("shadow", c.candidateP95Ms())
                .put("change", relative(c.productionP95Ms(), c.candidateP95Ms()));
        root.putObject("cost_per_request_usd").put("production", c.productionMeanCost()).put("shadow", c.candidateMeanCost())
                .put("change", relative(c.productionMeanCost(), c.candidateMeanCost()));
        ArrayNode verdicts = root.putObject("gates").put("passed", gates.passed()).putArray("verdicts");
        for (GateVerdict v : gates.verdicts()) verdicts.add(CompareJson.verdict(v));
        root.set("rollback_target", RollbackTargets.json(rollback));
        return root;
    }

    private static Double relative(double before, double after) {
        return before == 0 ? null : after / before - 1;
    }

    public static String markdown(ObjectNode json, ShadowComparison.Result c, RollbackTarget rollback) {
        StringBuilder md = new StringBuilder();
        boolean passed = "pass".equals(json.path("verdict").asText());
        md.append("## Shadow verdict: ").append(passed ? "✅ no change beyond noise" : "❌ changed").append("\n\n");
        md.append(String.format(Locale.ROOT, "Shadow run `%s` over traffic run `%s` on route `%s`: %d requests, validation agrees on %.1f%%, "
                        + "decision on %.1f%%%s.%n%n", json.path("shadow_run_id").asText(), json.path("traffic_run_id").asText(),
                json.path("route").asText(), c.compared(), 100 * c.validationAgreement(), 100 * c.decisionAgreement(),
                c.calibrated() ? "; noise measured by running production's path again (run `" + json.path("calibration_run_id").asText() + "`)" : ""));
        md.append("| field | differs | noise | flagged |\n|---|---|---|---|\n");
        for (FieldDifference f : c.fields()) {
            md.append(String.format(Locale.ROOT, "| `%s` | %.1f%% | %s | %s |%n", f.field(), 100 * f.candidateRate(),
                    f.noiseDiffers() == null ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * f.noiseRate()), f.flagged() ? "❌" : ""));
        }
        md.append(String.format(Locale.ROOT, "%np95 latency %,.0f -> %,.0f ms; cost per request $%.6f -> $%.6f.%n%n",
                c.productionP95Ms(), c.candidateP95Ms(), c.productionMeanCost(), c.candidateMeanCost()));
        if (!c.flips().isEmpty()) {
            md.append("### Flips\n\n");
            c.flips().stream().limit(FLIPS_SHOWN).forEach(f -> md.append("- `").append(f.id()).append("` ").append(f.field()).append(": ")
                    .append(f.production()).append(" → ").append(f.candidate()).append('\n'));
            md.append('\n');
        }
        RollbackTargets.markdown(md, rollback);
        md.append("_").append(json.path("generator").asText()).append(" · report.json sha256 `{report_sha256}`_\n");
        return md.toString();
    }
}
