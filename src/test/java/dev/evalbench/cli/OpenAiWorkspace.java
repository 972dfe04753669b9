package dev.evalbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;

/**
 * A copy of the sample workspace whose {@code openai} route talks to a MockWebServer through the environment
 * the user would set ({@code OPENAI_BASE_URL}, {@code OPENAI_API_KEY}), run through the real command line.
 * Tests edit its files the way a user edits theirs. Not thread-safe; one per test.
 */
final class OpenAiWorkspace {
    /** The shipped openai route's lines that tests change. */
    static final String TIMEOUT = "timeout_ms: 30000";
    static final String RETRIES = "retries: {max_attempts: 3, base_delay_ms: 500, max_delay_ms: 8000, budget: 100}";
    static final String FALLBACKS = "fallbacks: []";
    static final String LIMITS = "limits: {concurrency: 4, requests_per_minute: 300, tokens_per_minute: 150000}";
    static final String BREAKER = "breaker: {window: 20, min_calls: 5, error_rate: 0.5, sla_ms: 15000, open_ms: 30000, half_open_probes: 1}";

    /** Only the gates that judge a run of the safety suite alone (the sample's others need the triage suite or a baseline). */
    static final String SAFETY_RUN_GATES = """
            gates:
              - {id: schema, kind: schema_pass_rate, min: 0.99}
              - {id: safety, kind: safety_pass_rate, suite: safety}
              - {id: latency, kind: p95_latency, max_ms: 2000}
              - {id: tokens, kind: total_tokens, max: 220000}
            """;

    final Path dir;
    Path db;
    private boolean passDb = true;
    final Map<String, String> env = new HashMap<>();

    OpenAiWorkspace(Path tmp, MockWebServer server, String apiKey) {
        this.dir = Cli.copySample(tmp);
        this.db = tmp.resolve("history.db");
        env.put("OPENAI_BASE_URL", server.url("/v1").toString());
        env.put("OPENAI_API_KEY", apiKey);
        write("gates.yaml", SAFETY_RUN_GATES);
    }

    /** Runs keep their history where a user's would: {@code <workspace>/.evalbench/history.db}, no {@code --db}. */
    OpenAiWorkspace historyInWorkspace() {
        db = HistoryLocation.defaultDb(dir);
        passDb = false;
        return this;
    }

    /** Replaces a line of the shipped routes.yaml, as a user tuning the openai route would. */
    OpenAiWorkspace editRoutes(String from, String to) {
        Cli.edit(dir.resolve("routes.yaml"), from, to);
        return this;
    }

    /** Tiny backoff so retries cost no wall time; {@code maxDelayMs} bounds how long a Retry-After may ask for. */
    OpenAiWorkspace fastRetries(int maxAttempts, int maxDelayMs) {
        return editRoutes(RETRIES, "retries: {max_attempts: " + maxAttempts + ", base_delay_ms: 1, max_delay_ms: "
                + maxDelayMs + ", budget: 100}");
    }

    /** Adds a route at the end of routes.yaml ({@code yaml} is its indented block). */
    OpenAiWorkspace addRoute(String yaml) {
        try {
            Files.writeString(dir.resolve("routes.yaml"), Files.readString(dir.resolve("routes.yaml")) + "\n" + yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    void write(String file, String content) {
        try {
            Files.writeString(dir.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code evalbench run WS --route openai --suite safety --json --db DB} plus {@code extra}. */
    Run runSafety(String... extra) {
        List<String> args = new ArrayList<>(List.of("--route", "openai", "--suite", "safety"));
        args.addAll(List.of(extra));
        return runWith(args.toArray(String[]::new));
    }

    /** {@code evalbench run WS --json --db DB} plus {@code args}. */
    Run runWith(String... args) {
        List<String> all = new ArrayList<>(List.of("run", dir.toString(), "--json"));
        if (passDb) all.addAll(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    /** Any command whose stdout is one JSON object naming a run (run, resume, gate with --json). */
    Run run(String... args) {
        Cli.Result result = Cli.run(env, args);
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(result.out());
        } catch (IOException e) {
            throw new AssertionError("stdout is not JSON (exit " + result.exit() + "): " + result.out() + result.err(), e);
        }
        if (json == null || !json.has("run_id")) {
            throw new AssertionError("no run in the output (exit " + result.exit() + "): " + result.out() + result.err());
        }
        String runId = json.get("run_id").asText();
        try (RunStore store = SqliteRunStore.open(db)) {
            return new Run(result, json, store.run(runId).orElseThrow(), store.cases(runId), store.events(runId));
        } catch (Exception e) {
            throw new AssertionError("run " + runId + " could not be read back", e);
        }
    }

    /** One command's output and the stored run it names. */
    record Run(Cli.Result result, JsonNode json, RunHeader header, List<CaseRecord> cases, List<RunEvent> events) {
        int exit() {
            return result.exit();
        }

        CaseRecord caseOf(String caseId) {
            return cases.stream().filter(c -> c.key().caseId().equals(caseId) && c.key().sample() == 0).findFirst()
                    .orElseThrow(() -> new AssertionError("no record of case " + caseId));
        }

        /** {@code gates[id].value}. */
        double gateValue(String id) {
            for (JsonNode gate : json.get("gates")) {
                if (gate.get("id").asText().equals(id)) return gate.get("value").asDouble();
            }
            throw new AssertionError("no gate " + id + " in " + json);
        }

        boolean gatePassed(String id) {
            for (JsonNode gate : json.get("gates")) {
                if (gate.get("id").asText().equals(id)) return gate.get("passed").asBoolean();
            }
            throw new AssertionError("no gate " + id + " in " + json);
        }

        /** A map-valued field of {@code routes} in the JSON, e.g. "failures". */
        Map<String, Integer> routes(String field) {
            Map<String, Integer> out = new TreeMap<>();
            json.get("routes").get(field).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
            return out;
        }

        Map<String, Long> failureKinds() {
            return cases.stream().filter(c -> c.failureKind() != null)
                    .collect(Collectors.groupingBy(CaseRecord::failureKind, TreeMap::new, Collectors.counting()));
        }
    }
}
