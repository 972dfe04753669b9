package dev.evalbench.core.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.canary.CanaryReport;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.shadow.ShadowReport;
import dev.evalbench.core.store.RunFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A canary or shadow verdict read back from its report folder's report.json ({@value CanaryReport#FORMAT} or
 * {@value ShadowReport#FORMAT}), in words ready to show: the verdict, why, the two runs it judged (the first is
 * the baseline side: the control, or the production traffic a shadow run replayed) and one row per metric. The
 * folder holds no case records, so the runs themselves are only named; a history that has them can compare them.
 * Immutable.
 */
public record VerdictReport(String kind, String verdict, boolean good, String reason, String firstRunId, String firstRole,
                            String secondRunId, String secondRole, List<Row> rows, Path file) {
    /** One metric (canary) or compared field (shadow), every value already formatted ("–" when there is none). */
    public record Row(String metric, String status, boolean bad, String first, String second, String effect,
                      String interval, String p) {}

    public VerdictReport {
        rows = List.copyOf(rows);
    }

    /** "canary verdict: roll back" */
    public String headline() {
        return kind + " verdict: " + verdict;
    }

    /**
     * @return empty when the file is some other JSON (a run's report)
     * @throws RunFileException when it cannot be read or is not JSON, naming the file
     */
    public static Optional<VerdictReport> read(Path reportJson) throws RunFileException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readAllBytes(reportJson));
        } catch (IOException e) {
            throw new RunFileException(reportJson.toString(), 0, 0, "cannot be read as JSON (" + e.getMessage() + ")");
        }
        String format = root == null ? "" : root.path("format").asText("");
        if (format.equals(CanaryReport.FORMAT)) return Optional.of(canary(root, reportJson));
        if (format.equals(ShadowReport.FORMAT)) return Optional.of(shadow(root, reportJson));
        return Optional.empty();
    }

    private static VerdictReport canary(JsonNode root, Path file) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode m : root.path("metrics")) rows.add(canaryRow(m));
        String verdict = words(root.path("verdict").asText());
        return new VerdictReport("canary", verdict, verdict.equals("promote"), root.path("reason").asText(""),
                root.path("control").path("run_id").asText(), "control", root.path("canary").path("run_id").asText(), "canary",
                rows, file);
    }

    /**
     * One canary metric in the words and units {@code evalbench canary} prints it with: rates in percent with the
     * change in points, latency, tokens and cost with their unit and the change in percent, the decision
     * distribution as the share of requests that moved (it has no value per run).
     */
    private static Row canaryRow(JsonNode m) {
        dev.evalbench.core.canary.MetricFigures f = dev.evalbench.core.canary.MetricFigures.of(m.path("test").asText(""),
                m.path("metric").asText(""), number(m.path("control")), number(m.path("canary")), number(m.path("effect")),
                number(m.path("interval_low")), number(m.path("interval_high")), number(m.path("p_value")),
                m.path("floor").asDouble(0));
        return new Row(m.path("label").asText(m.path("metric").asText()) + (m.path("critical").asBoolean() ? " (critical)" : ""),
                words(m.path("status").asText()), m.path("bad").asBoolean(), f.first(), f.second(), f.effect(), f.interval(), f.p());
    }

    private static Double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : null;
    }

    private static VerdictReport shadow(JsonNode root, Path file) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("validation agreement", "", false, "", "", percent(root.path("validation_agreement")), "–", "–"));
        rows.add(new Row("decision agreement", "", false, "", "", percent(root.path("decision_agreement")), "–", "–"));
        for (String[] m : new String[][] {{"latency_p95_ms", "p95 latency (ms)"}, {"cost_per_request_usd", "cost per request (USD)"}}) {
            JsonNode n = root.path(m[0]);
            rows.add(new Row(m[1], "", false, num(n.path("production")), num(n.path("shadow")),
                    n.path("change").isNumber() ? String.format(Locale.ROOT, "%+.1f%%", 100 * n.path("change").asDouble()) : "–", "–", "–"));
        }
        for (JsonNode f : root.path("fields")) {
            boolean flagged = f.path("flagged").asBoolean();
            rows.add(new Row("field " + f.path("field").asText(), flagged ? "flagged" : "within noise", flagged, "", "",
                    "differs on " + percent(f.path("candidate_rate")),
                    f.path("noise_differs").isNumber() ? "noise " + percent(f.path("noise_rate")) : "–", "–"));
        }
        boolean passed = root.path("verdict").asText().equals("pass");
        StringBuilder reason = new StringBuilder(String.format(Locale.ROOT, "%d requests compared on route %s, %d flips",
                root.path("compared").asInt(), root.path("route").asText(), root.path("flips_total").asInt()));
        // A failed gate alone makes the verdict "changed" with every field within noise: say which, as the command does.
        for (JsonNode gate : root.path("gates").path("verdicts")) {
            if (!gate.path("passed").asBoolean(true)) {
                reason.append("; gate ").append(gate.path("id").asText()).append(" failed: ").append(gate.path("detail").asText());
            }
        }
        return new VerdictReport("shadow", passed ? "no change beyond noise" : "changed", passed, reason.toString(),
                root.path("traffic_run_id").asText(), "production traffic", root.path("shadow_run_id").asText(), "shadow", rows, file);
    }

    private static String words(String status) {
        return status.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String num(JsonNode n) {
        if (!n.isNumber()) return "–";
        double v = n.asDouble();
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String percent(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%.1f%%", 100 * n.asDouble()) : "–";
    }
}
