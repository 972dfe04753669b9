package dev.evalbench.app.detail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.Attempt;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.run.CaseRecords;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line that says why a case got no answer: the first attempt that failed on its own account, and how it ended. */
class NoAnswerCauseTest {
    private static CaseRecord withAttempts(CaseRecord r, List<Attempt> attempts) {
        ObjectNode tree = Json.MAPPER.valueToTree(r);
        tree.set("attempts", Json.MAPPER.valueToTree(attempts));
        return Json.MAPPER.convertValue(tree, CaseRecord.class);
    }

    private static CaseRecord failed(FailureKind kind) {
        return CaseRecords.builder("r1", "triage", "t002").route("openai").failure(kind).build();
    }

    @Test
    void aRefusedConnectionIsSaidNotTheBreakerThatOpenedAfterIt() {
        CaseRecord r = withAttempts(failed(FailureKind.CIRCUIT_OPEN), List.of(
                new Attempt("openai", 1, "CONNECTION", null, 28, "POST http://127.0.0.1:43727/v1/chat/completions: connection refused"),
                new Attempt("openai", 2, "CIRCUIT_OPEN", null, 0, "circuit breaker of route openai is open")));
        assertThat(NoAnswerCause.of(r)).isEqualTo("Why no answer: attempt 1 on route openai: CONNECTION: POST "
                + "http://127.0.0.1:43727/v1/chat/completions: connection refused (2 attempts; the last: CIRCUIT_OPEN)");
    }

    @Test
    void anHttpStatusIsNamedAndALoneAttemptSaysNoMore() {
        CaseRecord r = withAttempts(failed(FailureKind.CLIENT_ERROR), List.of(
                new Attempt("openai", 1, "CLIENT_ERROR", 401, 12, "invalid api key")));
        assertThat(NoAnswerCause.of(r)).isEqualTo("Why no answer: attempt 1 on route openai: CLIENT_ERROR (HTTP 401): invalid api key");
    }

    @Test
    void aCallTheBreakerRefusedOutrightSaysTheCallsFailureAndAnAnswerSaysNothing() {
        CaseRecord refused = withAttempts(failed(FailureKind.CIRCUIT_OPEN), List.of(
                new Attempt("openai", 1, "CIRCUIT_OPEN", null, 0, "circuit breaker of route openai is open")));
        assertThat(NoAnswerCause.of(refused)).isEqualTo("Why no answer: CIRCUIT_OPEN: openai: timed out after 30000 ms");
        assertThat(NoAnswerCause.of(CaseRecords.sample("r1", "triage", "t001", true, 40))).isNull();
    }
}
