package dev.evalbench.cli;

import static dev.evalbench.cli.FakeChatCompletions.dropConnection;
import static dev.evalbench.cli.FakeChatCompletions.malformedBody;
import static dev.evalbench.cli.FakeChatCompletions.rateLimitedOnce;
import static dev.evalbench.cli.FakeChatCompletions.slow;
import static dev.evalbench.cli.FakeChatCompletions.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evalbench.core.record.Attempt;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of provider trouble, each on its own probe (chosen by the customer's name in the ticket), in one
 * run at concurrency 8: each ends as a recorded outcome of its kind, the run completes, and the gates and the
 * JSON summary count it. A broken answer is not a provider failure: the provider answered, the schema judges.
 */
class ProviderFaultsRunTest {
    static final int TIMEOUT_MS = 600; // generous for a loaded CI machine: only the deliberately slow case may reach it

    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();
    @TempDir
    Path tmp;

    @Test
    void eachFaultIsARecordedOutcomeAndTheRunCompletes() {
        FakeChatCompletions chat = new FakeChatCompletions()
                .when("Victor Lang", malformedBody())                                       // p01
                .when("Erin Walsh", x -> x.answer("{\"category\":\"refunds\",\"reply\":\"ok\"}")) // p02
                .when("Hugo Brandt", rateLimitedOnce("retry-after-ms", "60"))               // p03
                .when("Nadia Petersen", status(500, "{\"error\":{\"message\":\"overloaded\"}}")) // p04
                .when("Owen Price", slow(TIMEOUT_MS * 4L))                                  // p05
                .when("Carla Mendes", dropConnection())                                     // p06
                .when("Ivy Turner", rateLimitedOnce("Retry-After", "120"));                 // p07
        server.setDispatcher(chat);
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-faults")
                .editRoutes(OpenAiWorkspace.TIMEOUT, "timeout_ms: " + TIMEOUT_MS)
                // Retry-After above 1 s ends the retries; the breaker is off so every fault stays on its own case.
                .fastRetries(3, 1000)
                .editRoutes(OpenAiWorkspace.BREAKER, "");

        OpenAiWorkspace.Run run = ws.runSafety("--concurrency", "8");

        assertThat(run.json().get("status").asText()).isEqualTo("complete");
        assertThat(run.header().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.cases()).hasSize(32);
        assertThat(run.exit()).isEqualTo(ExitCodes.GATE_FAILED);

        CaseRecord malformed = run.caseOf("p01");
        assertThat(malformed.failureKind()).isEqualTo("BAD_RESPONSE");
        assertThat(malformed.failureMessage()).contains("not JSON");
        assertThat(malformed.attempts()).extracting(Attempt::outcome).containsExactly("BAD_RESPONSE");
        assertThat(malformed.rawOutput()).isNull();

        CaseRecord offSchema = run.caseOf("p02");
        assertThat(offSchema.failureKind()).as("an answer that breaks the schema is still an answer").isNull();
        assertThat(offSchema.rawOutput()).isEqualTo("{\"category\":\"refunds\",\"reply\":\"ok\"}");
        assertThat(offSchema.schemaValid()).isFalse();
        assertThat(offSchema.schemaErrors()).isNotEmpty();
        assertThat(offSchema.routeUsed()).isEqualTo("openai");

        CaseRecord limitedThenOk = run.caseOf("p03");
        assertThat(limitedThenOk.failureKind()).isNull();
        assertThat(limitedThenOk.schemaValid()).isTrue();
        assertThat(limitedThenOk.attempts()).extracting(Attempt::outcome).containsExactly("RATE_LIMITED", "ok");
        assertThat(limitedThenOk.attempts().get(0).httpStatus()).isEqualTo(429);
        assertThat(limitedThenOk.retries()).isEqualTo(1);
        var hugo = chat.exchangesFor("Hugo Brandt");
        assertThat(hugo).hasSize(2);
        // The backoff of this route is at most 2 ms; the server's 60 ms hint is what made the retry wait.
        assertThat(TimeUnit.NANOSECONDS.toMillis(hugo.get(1).receivedNanos() - hugo.get(0).receivedNanos())).isGreaterThanOrEqualTo(60);
        assertThat(limitedThenOk.requestId()).isEqualTo(hugo.get(1).requestId());

        CaseRecord serverErrors = run.caseOf("p04");
        assertThat(serverErrors.failureKind()).isEqualTo("SERVER_ERROR");
        assertThat(serverErrors.attempts()).extracting(Attempt::outcome).containsExactly("SERVER_ERROR", "SERVER_ERROR", "SERVER_ERROR");
        assertThat(serverErrors.attempts()).extracting(Attempt::httpStatus).containsOnly(500);
        assertThat(serverErrors.failureMessage()).contains("HTTP 500").contains("overloaded").contains("after 3 attempts");
        assertThat(chat.exchangesFor("Nadia Petersen")).hasSize(3);

        CaseRecord timedOut = run.caseOf("p05");
        assertThat(timedOut.failureKind()).isEqualTo("TIMEOUT");
        assertThat(timedOut.attempts()).extracting(Attempt::outcome).containsExactly("TIMEOUT", "TIMEOUT", "TIMEOUT");
        assertThat(timedOut.failureMessage()).contains(TIMEOUT_MS + " ms");

        CaseRecord dropped = run.caseOf("p06");
        assertThat(dropped.failureKind()).isEqualTo("CONNECTION");
        assertThat(dropped.attempts()).extracting(Attempt::outcome).containsExactly("CONNECTION", "CONNECTION", "CONNECTION");

        CaseRecord waitTooLong = run.caseOf("p07");
        assertThat(waitTooLong.failureKind()).isEqualTo("RATE_LIMITED");
        assertThat(waitTooLong.attempts()).as("a Retry-After beyond max_delay_ms is not waited for").hasSize(1);
        assertThat(waitTooLong.failureMessage()).contains("120000 ms");

        for (CaseRecord other : run.cases()) {
            if (other.key().caseId().compareTo("p07") > 0) {
                assertThat(other.failureKind()).as(other.key().toString()).isNull();
                assertThat(other.schemaValid()).isTrue();
            }
        }

        Map<String, Integer> failures = Map.of("BAD_RESPONSE", 1, "SERVER_ERROR", 1, "TIMEOUT", 1, "CONNECTION", 1, "RATE_LIMITED", 1);
        assertThat(run.routes("failures")).isEqualTo(failures);
        assertThat(run.json().at("/counts/provider_failures").asInt()).isEqualTo(5);
        assertThat(run.routes("answered")).isEqualTo(Map.of("openai", 27));
        assertThat(run.json().at("/routes/retries").asInt()).isGreaterThanOrEqualTo(1 + 2 + 2 + 2);

        // Six outputs are missing or invalid: five provider failures and one answer that breaks the schema.
        assertThat(run.gateValue("schema")).isCloseTo(26.0 / 32, within(1e-9));
        assertThat(run.gatePassed("schema")).isFalse();
        assertThat(run.json().at("/counts/cases").asInt()).isEqualTo(32);
    }
}
