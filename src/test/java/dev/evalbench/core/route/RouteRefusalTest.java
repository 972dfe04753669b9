package dev.evalbench.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.route.time.RouterClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the server's answers refuse a route itself, and when they are only one call's. */
class RouteRefusalTest {
    private final List<RunEvent> events = new ArrayList<>();
    private final RouteRefusal refusal = new RouteRefusal("openai", RouterClock.SYSTEM, events::add,
            text -> text.replace("secret@example.com", "[restricted]"));

    private static ProviderException status(int code) {
        FailureKind kind = code == 500 ? FailureKind.SERVER_ERROR : FailureKind.CLIENT_ERROR;
        return new ProviderException(kind, "HTTP " + code, code, -1, null);
    }

    private static ProviderException says(int code, String words) {
        return new ProviderException(FailureKind.CLIENT_ERROR, "HTTP " + code + ": {...}", code, -1, words, null);
    }

    @Test
    void threeRefusalsBeforeAnyAnswerStopTheRouteAndSaySoOnce() {
        refusal.failed(status(401));
        refusal.failed(status(401));
        assertThat(refusal.why()).isNull();

        refusal.failed(status(401));
        refusal.failed(status(401));

        assertThat(refusal.why())
                .isEqualTo("the server refused its first 3 calls with HTTP 401 (check its key, model and base_url)");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("refused");
            assertThat(e.route()).isEqualTo("openai");
        });
    }

    @Test
    void aRefusalQuotesTheServersWordsMasked() {
        for (int i = 0; i < 3; i++) refusal.failed(says(403, "Key of secret@example.com is not allowed to use gpt-4o"));

        assertThat(refusal.why()).isEqualTo("the server refused its first 3 calls with HTTP 403 (\"Key of [restricted] is"
                + " not allowed to use gpt-4o\") (check its key, model and base_url)");
        assertThat(events).singleElement().extracting(RunEvent::detail).asString()
                .contains("HTTP 403 (\"Key of [restricted] is not allowed")
                .doesNotContain("secret@example.com");
    }

    @Test
    void threeBadRequestsExplainedAlikeRejectTheRoute() {
        String words = "Unsupported value: 'temperature' does not support 0 with this model.";
        for (int i = 0; i < 3; i++) refusal.failed(says(400, words));

        assertThat(refusal.why()).isEqualTo("the server rejected its first 3 calls with HTTP 400 (\"" + words + "\") (check"
                + " the route's model and params, or the file the server names; an edit takes a new run, as resume sends"
                + " what this run recorded)");
        assertThat(events).singleElement().extracting(RunEvent::kind).isEqualTo("refused");
    }

    @Test
    void badRequestsExplainedEachTheirOwnWayAreTheCasesOwn() {
        // A prompt past the context: the message counts each case's tokens, so no two read alike.
        refusal.failed(says(400, "maximum context length is 8192 tokens; your messages resulted in 9120 tokens"));
        refusal.failed(says(400, "maximum context length is 8192 tokens; your messages resulted in 8710 tokens"));
        refusal.failed(says(400, "maximum context length is 8192 tokens; your messages resulted in 9998 tokens"));
        refusal.failed(says(422, "Field required"));
        refusal.failed(says(422, "Field required"));
        refusal.failed(says(400, "Field required")); // another status starts the count again
        // Alike, but about what each case says: a safety suite's probes flagged by the provider's filter.
        for (int i = 0; i < 3; i++) {
            refusal.failed(says(400, "The response was filtered due to the prompt triggering Azure OpenAI's content"
                    + " management policy. Please modify your prompt and retry."));
        }
        for (int i = 0; i < 3; i++) {
            refusal.failed(says(400, "Invalid prompt: your prompt was flagged as potentially violating our usage policy."));
        }
        for (int i = 0; i < 3; i++) refusal.failed(says(400, "Input is too long for requested model."));
        assertThat(refusal.why()).isNull();
        assertThat(events).isEmpty();
    }

    @Test
    void anAccountOutOfQuotaIsRefusedWithItsOwnAdvice() {
        // A 429 the wire format read as out of quota is a client error; a rate limit's 429 never reaches the count.
        refusal.failed(new ProviderException(FailureKind.RATE_LIMITED, "HTTP 429", 429, -1, "Rate limit reached", null));
        for (int i = 0; i < 2; i++) refusal.failed(says(429, "You exceeded your current quota"));
        assertThat(refusal.why()).isNull();
        refusal.failed(says(429, "You exceeded your current quota"));

        assertThat(refusal.why()).isEqualTo("the server refused its first 3 calls with HTTP 429 (\"You exceeded your"
                + " current quota\") (check the plan and billing of the account its key belongs to)");
    }

    @Test
    void aBadRequestForWantOfCreditAdvisesTheBillingNotTheParams() {
        String anthropic = "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to"
                + " upgrade or purchase credits.";
        for (int i = 0; i < 3; i++) refusal.failed(says(400, anthropic));

        assertThat(refusal.why()).isEqualTo("the server rejected its first 3 calls with HTTP 400 (\"" + anthropic
                + "\") (check the plan and billing of the account its key belongs to)");
    }

    @Test
    void aRouteThatAnsweredOnceIsNeverRefused() {
        refusal.answered();
        for (int i = 0; i < 5; i++) refusal.failed(status(404));
        assertThat(refusal.why()).isNull();
    }

    @Test
    void onlyRefusalsInARowOfOneStatusCount() {
        refusal.failed(status(401));
        refusal.failed(status(401));
        refusal.failed(status(500)); // the server's trouble, not the route's: the count starts again
        refusal.failed(status(401));
        refusal.failed(status(404));
        refusal.failed(status(404));
        refusal.failed(status(400)); // another status: the count starts again
        refusal.failed(status(404));
        assertThat(refusal.why()).isNull();
        assertThat(events).isEmpty();
    }
}
