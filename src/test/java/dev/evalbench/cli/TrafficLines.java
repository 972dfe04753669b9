package dev.evalbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Captured requests in the seed's JSON Lines shape, for tests: request i of a small, valid capture. */
final class TrafficLines {
    private TrafficLines() {}

    static ObjectNode request(int i) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", String.format(Locale.ROOT, "req-%05d", i));
        o.put("timestamp", Instant.parse("2026-11-16T08:00:00Z").plusSeconds(60L * i).toString());
        o.put("trace_id", String.format(Locale.ROOT, "%032x", 0xabc000L + i));
        o.put("route", "offline");
        o.put("model", "triage-rules-v1");
        o.put("provider", "scripted");
        o.put("prompt_id", "triage");
        o.put("prompt_version", 4);
        o.put("policy_version", 1);
        o.putObject("vars").put("channel", "chat").put("ticket", "Where is my order ORD-1000" + (i % 10) + "?")
                .putObject("customer").put("name", "Ada").put("tier", "standard").putArray("orders");
        o.put("output", "{\"category\":\"shipping\",\"priority\":\"medium\",\"action\":\"reply\",\"order_id\":null,\"reply\":\"On its way.\"}");
        o.put("latency_ms", 400 + 10 * (i % 7));
        o.put("tokens_in", 900);
        o.put("tokens_out", 40);
        o.put("cost_usd", 0.000159);
        o.put("retries", i % 5 == 0 ? 1 : 0);
        o.put("validation", "valid");
        o.put("decision", "reply");
        return o;
    }

    static List<String> lines(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) out.add(request(i).toString());
        return out;
    }
}
