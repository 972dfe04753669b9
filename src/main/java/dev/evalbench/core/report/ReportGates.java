package dev.evalbench.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gates a report.json records, as CI computed them when it wrote the report: what a reviewer reads of a
 * report folder opened without its workspace, where nothing is there to gate the run again. A verdict whose word is
 * "not_run" is a gate that did not run (its suites were not in the run); a report written before verdicts had a
 * word says it by having no comparator. Stateless.
 */
public final class ReportGates {
    private ReportGates() {}

    /** The report's gates, or empty when the file is not a report.json with gates (or cannot be read). */
    public static Optional<GateReport> read(Path reportJson) {
        try {
            return of(Json.MAPPER.readTree(reportJson.toFile()).path("gates"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The gates of a report.json's {@code gates} member (null or missing: empty), already read. */
    public static Optional<GateReport> of(JsonNode gates) {
        if (gates == null || !gates.path("verdicts").isArray()) return Optional.empty();
        List<GateVerdict> verdicts = new ArrayList<>();
        for (JsonNode v : gates.path("verdicts")) verdicts.add(verdict(v));
        return Optional.of(new GateReport(text(gates, "run_id"), text(gates, "baseline_run_id"), List.copyOf(verdicts)));
    }

    /**
     * The baseline's gates as a report's {@code comparison} member records them (each gate's {@code before}: the
     * baseline held to the same gates, with no baseline of its own), or empty when it records none.
     */
    public static Optional<GateReport> baselineOf(JsonNode comparison) {
        if (comparison == null || !comparison.path("gates").isArray()) return Optional.empty();
        List<GateVerdict> verdicts = new ArrayList<>();
        for (JsonNode delta : comparison.path("gates")) {
            if (delta.path("before").isObject()) verdicts.add(verdict(delta.get("before")));
        }
        if (verdicts.isEmpty()) return Optional.empty();
        return Optional.of(new GateReport(text(comparison.path("before"), "run_id"), null, List.copyOf(verdicts)));
    }

    private static GateVerdict verdict(JsonNode v) {
        String comparator = text(v, "comparator");
        return new GateVerdict(text(v, "id"), text(v, "kind"), text(v, "suite"), v.path("passed").asBoolean(),
                number(v, "value"), number(v, "threshold"), comparator, nullable(v, "baseline_value"),
                nullable(v, "interval_low"), nullable(v, "interval_high"), nullable(v, "p_value"), text(v, "mode"),
                text(v, "detail"), v.has("verdict") ? !"not_run".equals(text(v, "verdict")) : comparator != null,
                text(v, "bound"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static double number(JsonNode node, String field) {
        Double v = nullable(node, field);
        return v == null ? Double.NaN : v;
    }

    private static Double nullable(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isNumber() ? null : v.asDouble();
    }
}
