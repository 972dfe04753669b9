package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A route every request of which the server rejects the same way (a reasoning model refusing the sample's
 * {@code temperature: 0}, HTTP 400) sent every case, 159 calls paced by the route's rate limit, and the output never
 * said what the server said: "provider failures client error 159" and "resume the run once the route answers". Now
 * three alike stop the route, the server's words are in the event and the outage line, masked like every text that
 * leaves the machine, and the way out is named: fix routes.yaml and start a new run. So too an account out of quota,
 * whose 429 is no rate limit.
 */
class RejectedParamsTest {
    static final String TEMPERATURE = "Unsupported value: 'temperature' does not support 0 with this model."
            + " Only the default (1) value is supported.";

    @TempDir
    Path tmp;

    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();

    /** A reasoning model's server: a request asking for temperature 0 is a 400; any other is answered. */
    private static final class ReasoningModelServer extends Dispatcher {
        final FakeChatCompletions answers = new FakeChatCompletions();
        final AtomicInteger rejected = new AtomicInteger();

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            JsonNode body;
            try {
                body = Json.MAPPER.readTree(request.getBody().utf8());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (body.has("temperature") && body.get("temperature").asDouble() != 1) {
                rejected.incrementAndGet();
                return FakeChatCompletions.status(400, "{\"error\":{\"message\":\"" + TEMPERATURE.replace("'", "\\u0027")
                        + "\",\"type\":\"invalid_request_error\",\"param\":\"temperature\",\"code\":\"unsupported_value\"}}")
                        .respond(null);
            }
            return answers.dispatch(request);
        }
    }

    @Test
    void threeRejectionsAlikeStopTheRouteNameTheServersWordsAndANewRunWithTheFixFinishes() {
        ReasoningModelServer reasoning = new ReasoningModelServer();
        server.setDispatcher(reasoning);
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-test");

        OpenAiWorkspace.Run rejected = ws.runSafety("--concurrency", "1");
        assertThat(rejected.exit()).as(rejected.result().err()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(reasoning.rejected.get()).as("requests the server rejected, of the suite's 32").isEqualTo(3);
        assertThat(rejected.header().status()).isEqualTo(RunStatus.INCOMPLETE);
        String said = "the server rejected its first 3 calls with HTTP 400 (\"" + TEMPERATURE + "\") (check the route's"
                + " model and params, or the file the server names; an edit takes a new run, as resume sends what this run"
                + " recorded)";
        assertThat(rejected.events()).filteredOn(e -> e.kind().equals("refused")).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("openai: " + said.replace(") (check", ") and answered none:"
                        + " not called again this run (check")));

        Cli.Result gate = Cli.run(ws.env, "gate", "--workspace", ws.dir.toString(), "--db", ws.db.toString());
        assertThat(gate.out()).contains("outage: no case got an answer from the model (3 provider failures, 29 cases not"
                + " sent: route openai not called: " + said + ");");

        // Resume runs the files as the run recorded them: the fix is not in it, and it says so before it meets the 400.
        ws.editRoutes("params: {temperature: 0, max_tokens: 400, structured_output: json_object}",
                "params: {max_tokens: 400, structured_output: json_object}");
        Cli.Result resumed = Cli.run(ws.env, "resume", rejected.header().id(), "--workspace", ws.dir.toString(), "--db",
                ws.db.toString(), "--concurrency", "1", "--quiet");
        assertThat(resumed.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(resumed.err()).contains("note: routes.yaml changed since run " + rejected.header().id() + " started");
        assertThat(reasoning.rejected.get()).isEqualTo(6);

        OpenAiWorkspace.Run fixed = ws.runSafety();
        assertThat(fixed.exit()).as(fixed.result().err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        assertThat(fixed.header().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(fixed.cases()).hasSize(32).allSatisfy(c -> assertThat(c.failureKind()).isNull());
        assertThat(reasoning.rejected.get()).as("no request of the new run rejected").isEqualTo(6);
    }

    @Test
    void anAccountOutOfQuotaIsRefusedSayingSoNotABreakerOpenedByRetries() {
        // OpenAI answers 429 to an account without credit: read as a rate limit, each case was retried, the breaker
        // opened after 8 calls and the run said "159 cases not sent: the breaker of route openai was open", no word of
        // the quota. Resuming met the same.
        server.setDispatcher(new FakeChatCompletions().otherwise(FakeChatCompletions.status(429, "{\"error\":{\"message\":"
                + "\"You exceeded your current quota, please check your plan and billing details.\",\"type\":"
                + "\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}")));
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-test");

        OpenAiWorkspace.Run run = ws.runSafety("--concurrency", "1");

        assertThat(run.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(server.getRequestCount()).as("no retries, 3 calls").isEqualTo(3);
        assertThat(run.events()).extracting(e -> e.kind()).containsExactly("refused", "outage");
        assertThat(run.events().get(0).detail()).isEqualTo("openai: the server refused its first 3 calls with HTTP 429"
                + " (\"You exceeded your current quota, please check your plan and billing details.\") and answered none:"
                + " not called again this run (check the plan and billing of the account its key belongs to)");
    }

    @Test
    void aServerEchoingARestrictedValueInItsRejectionIsMaskedInTheLiveLineAndEveryOutput() throws IOException {
        // A FastAPI server's validation error quotes the input it refused: here a probe's restricted e-mail.
        String echo = "{\"detail\":[{\"type\":\"string_type\",\"loc\":[\"body\",\"messages\",1],"
                + "\"msg\":\"Input should be plain text, not victor.lang@example.com\"}]}";
        server.setDispatcher(new FakeChatCompletions().otherwise(FakeChatCompletions.status(422, echo)));
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-test");

        Cli.Result run = Cli.run(ws.env, "run", ws.dir.toString(), "--db", ws.db.toString(), "--route", "openai",
                "--suite", "safety", "--concurrency", "1");
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.err()).contains("refused openai: the server rejected its first 3 calls with HTTP 422 (\"Input should"
                + " be plain text, not ");
        Path summary = tmp.resolve("summary.md");
        Cli.Result gate = Cli.run(ws.env, "gate", "--workspace", ws.dir.toString(), "--db", ws.db.toString(),
                "--markdown", summary.toString());
        assertThat(gate.out()).contains("HTTP 422 (\"Input should be plain text, not ");
        String markdown = java.nio.file.Files.readString(summary);
        for (String output : new String[] {run.out(), run.err(), gate.out(), gate.err(), markdown}) {
            assertThat(output).doesNotContain("victor.lang@example.com");
        }
    }
}
