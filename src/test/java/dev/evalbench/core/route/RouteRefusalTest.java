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
    private final RouteRefusal refusal = new RouteRefusal("openai", RouterClock.SYSTEM, events::add);

    private static ProviderException status(int code) {
        FailureKind kind = code == 500 ? FailureKind.SERVER_ERROR : FailureKind.CLIENT_ERROR;
        return new ProviderException(kind, "HTTP " + code, code, -1, null);
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
        refusal.failed(status(400)); // a bad request is the case's, not the route's
        refusal.failed(status(404));
        assertThat(refusal.why()).isNull();
        assertThat(events).isEmpty();
    }
}
