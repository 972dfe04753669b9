package dev.evalbench.core.route;

import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.route.time.RouterClock;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Whether the server has refused a route itself rather than a call: its first {@value #CALLS} calls, with no answer
 * before them, all came back 401, 403 or 404 (a revoked key, a model name the server does not know, a wrong
 * base_url). From then on the route is not called for the rest of the run: every case would meet the same answer,
 * and at the sample's 300 requests a minute a 10,000-case run took half an hour to say so, sending a bad key ten
 * thousand times. The breaker does not see these (a bad request says nothing of a server's health). A route
 * that answered once is never refused: a 404 then is that call's. The event says it once:
 * {@code refused openai: the server refused its first 3 calls with HTTP 401 …}. Thread-safe.
 */
final class RouteRefusal {
    /** How many refusals in a row, before any answer, stop the route. */
    static final int CALLS = 3;
    private static final Set<Integer> REFUSING = Set.of(401, 403, 404);

    private final String route;
    private final RouterClock clock;
    private final Consumer<RunEvent> events;
    private boolean answered;
    private int inARow;
    private int status;
    private String why;

    RouteRefusal(String route, RouterClock clock, Consumer<RunEvent> events) {
        this.route = route;
        this.clock = clock;
        this.events = events;
    }

    /** Why the route is not called any more ("the server refused its first 3 calls with HTTP 401 …"), or null. */
    synchronized String why() {
        return why;
    }

    synchronized void answered() {
        answered = true;
    }

    /** A call's failure: counts it when it is a refusal of the route and nothing answered before. */
    void failed(ProviderException failure) {
        RunEvent event;
        synchronized (this) {
            if (answered || why != null) return;
            Integer code = failure.httpStatus();
            boolean refusal = failure.kind() == FailureKind.CLIENT_ERROR && code != null && REFUSING.contains(code);
            if (!refusal) {
                inARow = 0;
                return;
            }
            inARow = code == status ? inARow + 1 : 1;
            status = code;
            if (inARow < CALLS) return;
            why = "the server refused its first " + CALLS + " calls with HTTP " + status + " (check its key, model and base_url)";
            event = new RunEvent(clock.now(), "refused", route, route + ": the server refused its first " + CALLS
                    + " calls with HTTP " + status + " and answered none: not called again this run (check its key,"
                    + " model and base_url)");
        }
        events.accept(event);
    }
}
