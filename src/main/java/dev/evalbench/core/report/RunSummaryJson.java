package dev.evalbench.core.report;

import dev.evalbench.core.report.model.RunSummary;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;

/** The {@code summary} member of report.json; non-finite numbers are written as null. Pure. */
final class RunSummaryJson {
    private RunSummaryJson() {}

    static ObjectNode toJson(RunSummary s) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.set("passed", rate(s.passed()));
        ArrayNode suites = node.putArray("suites");
        s.suites().forEach(r -> suites.add(rate(r)));
        node.set("schema_valid", rate(s.schemaValid()));
        node.put("provider_failures", s.providerFailures());
        number(node, "p95_latency_ms", s.p95LatencyMs());
        number(node, "mean_latency_ms", s.meanLatencyMs());
        node.put("tokens_in", s.tokensIn()).put("tokens_out", s.tokensOut());
        node.put("reasoning_tokens", s.reasoningTokens()).put("estimated_token_cases", s.estimatedTokenCases());
        number(node, "cost_usd", s.costUsd());
        return node;
    }

    private static ObjectNode rate(RunSummary.Rate r) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("label", r.label()).put("successes", r.successes()).put("trials", r.trials());
        number(node, "rate", r.value());
        number(node, "interval_low", r.low());
        number(node, "interval_high", r.high());
        return node;
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) node.put(name, value);
        else node.putNull(name);
    }
}
