package dev.evalbench.core.record;

import java.time.Instant;
import java.util.List;

/**
 * Something that happened to the run as a whole rather than to one case, such as a circuit breaker changing
 * state ({@code kind} "breaker", {@code detail} "openai: closed -> open (error rate 0.60 over 10 calls)").
 */
public record RunEvent(Instant at, String kind, String route, String detail) {
    /** The kind of the event a run in which no case got an answer ends with (it stays incomplete, for resume). */
    public static final String OUTAGE = "outage";
    /** A route the server refused or rejected its first calls to, not called again this run ({@code RouteRefusal}). */
    public static final String REFUSED = "refused";

    /**
     * The kind of the event a run ends with when some of its cases were never sent (their route's breaker was open, or
     * the server had refused the route): it stays incomplete, and resume sends them.
     */
    public static final String UNSENT = "unsent";

    /**
     * The kind of the event a run ends with when the model answered some of its cases but a judge's route did not
     * (a timeout, a rate limit, a server error, an open breaker, a refused key): they have no grade, so they are not
     * stored; the run stays incomplete, and resume runs them again.
     */
    public static final String UNJUDGED = "unjudged";

    /**
     * The kind of the event a run of several routes ends with when a route answered none of its cases while another
     * answered (its server down for the run, every call failing with no breaker to stop it): those cases are stored
     * as its failures, but they measured its outage, as a run that answered none did; the run stays incomplete, and
     * resume runs them again. Detail: "32 cases of route ollama got no answer from it (connection 32)".
     */
    public static final String UNANSWERED = "unanswered";

    /**
     * Whether a run with these events stands incomplete because of an outage: the model answered none of its cases
     * and the engine left it open for resume. A run resumed to its end keeps the event but is no outage any more.
     */
    public static boolean leftByAnOutage(RunStatus status, List<RunEvent> events) {
        RunEvent why = whyIncomplete(status, events);
        return why != null && OUTAGE.equals(why.kind());
    }

    /**
     * What left a run with these events incomplete when nobody stopped it: the last outage, or cases an open breaker
     * kept from the model or a judge's route left ungraded, or a route that answered none of its cases (a resume that
     * ran them may have met its own), or null: a run someone stopped, or one that is not incomplete.
     */
    public static RunEvent whyIncomplete(RunStatus status, List<RunEvent> events) {
        if (status != RunStatus.INCOMPLETE || events == null) return null;
        RunEvent why = null;
        for (RunEvent e : events) {
            if (closesARun(e)) why = e;
        }
        return why;
    }

    /**
     * Whether {@code e} is what a run the engine left incomplete ended with (an outage, cases not sent, not judged or
     * not answered by a route): the last one says why the run stands incomplete; an earlier one, of an end a resume
     * has gone past, says nothing of the run as it is.
     */
    public static boolean closesARun(RunEvent e) {
        return OUTAGE.equals(e.kind()) || UNSENT.equals(e.kind()) || UNJUDGED.equals(e.kind())
                || UNANSWERED.equals(e.kind());
    }
}
