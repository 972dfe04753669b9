package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped openai route pointed at a gateway that needs its own headers (one of them secret) and sends no
 * {@code usage}, or a reasoning model that reports reasoning tokens: what the stored records, the gates and the
 * report say, through the real command line.
 */
class GatewayRunTest {
    static final String KEY = "sk-gateway-run-test-key";
    static final String GATEWAY_SECRET = "pk-gateway-secret-7f3a9c2e51";

    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();
    @TempDir
    Path tmp;
    final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();

    /** Answers every request with the obeying answer; {@code usage} is the usage object, or null for none. */
    void answerWith(ObjectNode usage) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                seen.add(request);
                ObjectNode body = Json.MAPPER.createObjectNode();
                body.put("id", "gw-" + seen.size()).put("model", "served-model");
                body.putArray("choices").addObject().put("index", 0).putObject("message").put("role", "assistant")
                        .put("content", FakeChatCompletions.OBEYING_ANSWER);
                if (usage != null) body.set("usage", usage);
                return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body.toString()).build();
            }
        });
    }

    OpenAiWorkspace gatewayWorkspace() {
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, KEY);
        ws.env.put("GATEWAY_SECRET", GATEWAY_SECRET);
        return ws.editRoutes("    api_key_env: OPENAI_API_KEY\n", """
                    api_key_env: OPENAI_API_KEY
                    headers:
                      x-gateway-route: triage
                      x-team: ${TEAM:-support}
                    secret_headers: {x-gateway-key: GATEWAY_SECRET}
                """);
    }

    @Test
    void aGatewayWithoutUsageIsAnsweredAndItsTokensAreEstimatedInRecordsGatesAndReport() throws Exception {
        answerWith(null);
        OpenAiWorkspace ws = gatewayWorkspace();

        OpenAiWorkspace.Run run = ws.runSafety();

        assertThat(run.json().at("/counts/provider_failures").asInt()).as(run.result().err()).isZero();
        assertThat(run.cases()).hasSize(32).allSatisfy(r -> {
            assertThat(r.failureKind()).isNull();
            assertThat(r.tokensEstimated()).isTrue();
            assertThat(r.tokensOut()).isEqualTo((FakeChatCompletions.OBEYING_ANSWER.length() + 3) / 4);
            assertThat(r.tokensIn()).isPositive();
        });
        assertThat(seen).allSatisfy(r -> {
            assertThat(r.getHeaders().get("x-gateway-route")).isEqualTo("triage");
            assertThat(r.getHeaders().get("x-team")).isEqualTo("support");
            assertThat(r.getHeaders().get("x-gateway-key")).isEqualTo(GATEWAY_SECRET);
        });
        JsonNode tokensGate = gate(run.json(), "tokens");
        assertThat(tokensGate.get("detail").asText())
                .contains("Estimated, not reported: tokens of 32 of 32 cases of this run")
                .contains("characters / 4");

        Path out = tmp.resolve("report");
        Cli.Result report = Cli.run(ws.env, "report", run.header().id(), "--out", out.toString(),
                "--db", ws.db.toString(), "--workspace", ws.dir.toString());
        assertThat(report.exit()).as(report.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        assertThat(Files.readString(out.resolve("report.md")))
                .contains("32 of 32 cases estimated (no usage reported; characters / 4)").contains("(partly estimated)");
        assertThat(Files.readString(out.resolve("report.html"))).contains("cost (partly estimated)");
        assertThat(Json.MAPPER.readTree(out.resolve("report.json").toFile()).findValue("estimated_token_cases").asInt())
                .isEqualTo(32);

        byte[] db = Files.readAllBytes(ws.db);
        assertThat(new String(db, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(GATEWAY_SECRET);
        assertThat(run.result().out() + run.result().err()).doesNotContain(GATEWAY_SECRET);
    }

    @Test
    void reasoningTokensAreRecordedAndPricedAsOutput() {
        ObjectNode usage = Json.MAPPER.createObjectNode().put("prompt_tokens", 1000).put("completion_tokens", 5000);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 4900);
        answerWith(usage);
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, KEY);
        ws.env.put("OPENAI_MODEL", "o3-mini");

        OpenAiWorkspace.Run run = ws.runSafety();

        // The shipped route's prices: 0.15 in and 0.60 out per million tokens; reasoning is billed as output.
        assertThat(run.cases()).hasSize(32).allSatisfy(r -> {
            assertThat(r.reasoningTokens()).isEqualTo(4900);
            assertThat(r.tokensOut()).isEqualTo(5000);
            assertThat(r.tokensEstimated()).isFalse();
            assertThat(r.costUsd()).isCloseTo(1000 * 0.15 / 1e6 + 5000 * 0.60 / 1e6, org.assertj.core.data.Offset.offset(1e-12));
        });
        assertThat(seen).allSatisfy(r -> {
            JsonNode body = read(r);
            assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(400);
            assertThat(body.has("max_tokens")).isFalse();
        });
        assertThat(gate(run.json(), "tokens").get("detail").asText()).doesNotContain("Estimated");
        assertThat(run.cases().stream().mapToLong(CaseRecord::reasoningTokens).sum()).isEqualTo(32 * 4900L);
    }

    private static JsonNode read(RecordedRequest r) {
        try {
            return Json.MAPPER.readTree(r.getBody().utf8());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode gate(JsonNode json, String id) {
        for (JsonNode gate : json.get("gates")) {
            if (gate.get("id").asText().equals(id)) return gate;
        }
        throw new AssertionError("no gate " + id + " in " + json);
    }
}
