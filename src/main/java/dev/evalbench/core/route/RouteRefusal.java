package dev.evalbench.core.route;

import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.route.time.RouterClock;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Whether the server has refused a route itself rather than a call: its first {@value #CALLS} calls, with no answer
 * before them, all came back 401, 403 or 404 (a revoked key, a model name the server does not know, a wrong
 * base_url) or 429 out of quota (an account without credit, which no wait mends), or all came back 400 or 422 with
 * the same explanation (a param the model does not take, such as a temperature a reasoning model refuses: every
 * request the route sends is malformed the same way). A 400 that differs from the one before is a case's own (a
 * prompt past the context, whose message counts its tokens) and starts the count again, as does one about what the
 * case says, however alike ({@link #CASES_OWN}). From then on the route is not called for the rest of the run: every
 * case would meet the same answer, and at the sample's 300 requests a minute a 10,000-case run took half an hour to
 * say so. The breaker does not see these (a bad request says nothing of a server's health). A route that answered
 * once is never refused: a 404 then is that call's. The event says it once, with the server's own words, masked:
 * {@code refused openai: the server refused its first 3 calls with HTTP 401 ("Incorrect API key provided") …}.
 * Thread-safe.
 */
final class RouteRefusal {
    /** How many refusals in a row, before any answer, stop the route. */
    static final int CALLS = 3;
    /**
     * Statuses that refuse the route whatever the server says: the key, the model or the address is wrong, or (a 429
     * read as a client error, not a rate limit) the account is out of quota.
     */
    private static final Set<Integer> REFUSING = Set.of(401, 403, 404, 429);
    /** Statuses that refuse it when the server says the same each time: the request itself is malformed. */
    private static final Set<Integer> REJECTING = Set.of(400, 422);
    /**
     * A 400 about what a case says, however alike its words: a content filter or usage policy flagging the prompt (a
     * safety suite's probes are written to be flagged, and a run starting with three of them is no malformed route)
     * or a prompt past the context, worded without its count.
     */
    private static final Pattern CASES_OWN = Pattern.compile("(?i)content[ _-]?(filter|management|policy)|usage polic"
            + "|flagged|context[ _]length|maximum context|too long|too many tokens");

    /** Words of a refusal for want of credit, whatever its status. */
    private static final Pattern BILLING = Pattern.compile("(?i)credit balance|billing|quota");

    private final String route;
    private final RouterClock clock;
    private final Consumer<RunEvent> events;
    private final UnaryOperator<String> masking;
    private boolean answered;
    private int inARow;
    private int status;
    private String serverSays;
    private String why;

    RouteRefusal(String route, RouterClock clock, Consumer<RunEvent> events, UnaryOperator<String> masking) {
        this.route = route;
        this.clock = clock;
        this.events = events;
        this.masking = masking;
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
            String says = failure.serverSays();
            boolean refusal = failure.kind() == FailureKind.CLIENT_ERROR && code != null && (REFUSING.contains(code)
                    || REJECTING.contains(code) && (says == null || !CASES_OWN.matcher(says).find()));
            if (!refusal) {
                inARow = 0;
                return;
            }
            // A malformed request counts only when the server explains it as it did the one before.
            boolean same = code == status && (REFUSING.contains(code) || Objects.equals(says, serverSays));
            inARow = same ? inARow + 1 : 1;
            status = code;
            serverSays = says;
            if (inARow < CALLS) return;
            String quoted = says == null ? "" : " (\"" + masking.apply(says) + "\")";
            boolean malformed = REJECTING.contains(code);
            // Anthropic answers an account without credit with a 400 ("Your credit balance is too low …").
            boolean billing = code == 429 || says != null && BILLING.matcher(says).find();
            String check = billing ? "check the plan and billing of the account its key belongs to"
                    : malformed ? "check the route's model and params, or the file the server names; an edit takes a new"
                            + " run, as resume sends what this run recorded"
                    : "check its key, model and base_url";
            String verb = malformed ? "rejected" : "refused";
            why = "the server " + verb + " its first " + CALLS + " calls with HTTP " + status + quoted + " (" + check + ")";
            event = new RunEvent(clock.now(), RunEvent.REFUSED, route, route + ": the server " + verb + " its first " + CALLS
                    + " calls with HTTP " + status + quoted + " and answered none: not called again this run (" + check + ")");
        }
        events.accept(event);
    }
}
