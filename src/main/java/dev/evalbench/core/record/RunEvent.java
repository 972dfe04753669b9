package dev.evalbench.core.record;

import java.time.Instant;

/**
 * Something that happened to the run as a whole rather than to one case, such as a circuit breaker changing
 * state ({@code kind} "breaker", {@code detail} "openai: closed -> open (error rate 0.60 over 10 calls)").
 */
public record RunEvent(Instant at, String kind, String route, String detail) {
    /** The kind of the event a run in which no case got an answer ends with (it stays incomplete, for resume). */
    public static final String OUTAGE = "outage";
}
