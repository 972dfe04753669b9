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

    /**
     * Whether a run with these events stands incomplete because of an outage: the model answered none of its cases
     * and the engine left it open for resume. A run resumed to its end keeps the event but is no outage any more.
     */
    public static boolean leftByAnOutage(RunStatus status, List<RunEvent> events) {
        return status == RunStatus.INCOMPLETE && events != null && events.stream().anyMatch(e -> OUTAGE.equals(e.kind()));
    }
}
