package dev.evalbench.core.record;

/**
 * What a stored run event says to a reader of the run as it stands now. The history keeps each event as it was
 * written; an outage's ("no case got an answer …; the run is incomplete and resume retries those cases") is
 * false once a resume finished the run, so for a complete run it reads as past: "…; resumed since, the run is
 * complete", and so does any end a resume went past. Every output that lists a run's events (the terminal,
 * report.md, report.html, the CI summary) words them here. Pure.
 */
public final class EventWords {
    private EventWords() {}

    /**
     * {@code event}'s words in a run with this status and these events: as written, unless it closed an end of the
     * run that a resume has gone past ({@link RunEvent#closesARun}, not the one the run stands incomplete with):
     * "159 cases not sent: the breaker of route openai was open; resumed since" beside the "151 cases not sent" the
     * run was left with again, or "…; resumed since, the run is complete".
     */
    public static String detail(RunEvent event, RunStatus runStatus, java.util.List<RunEvent> events) {
        return detail(event, runStatus == RunStatus.COMPLETE, RunEvent.whyIncomplete(runStatus, events));
    }

    private static String detail(RunEvent event, boolean complete, RunEvent why) {
        if (!RunEvent.closesARun(event) || event == why) return event.detail();
        // An outage's detail ends with what the engine said of the run then ("; the run is incomplete …").
        return (RunEvent.OUTAGE.equals(event.kind()) ? happened(event) : event.detail()) + "; resumed since"
                + (complete ? ", the run is complete" : "");
    }

    /** An event as a reader is shown it: its kind and its {@link #detail} words. */
    public record Line(RunEvent event, String words) {}

    /**
     * The events a reader of a run with this status is shown ({@link #shown}), each with its words ({@link #detail}),
     * the event that left the run incomplete found once for them all.
     */
    public static java.util.List<Line> lines(RunStatus runStatus, java.util.List<RunEvent> events) {
        RunEvent why = RunEvent.whyIncomplete(runStatus, events);
        return shown(runStatus, events).stream()
                .map(e -> new Line(e, detail(e, runStatus == RunStatus.COMPLETE, why))).toList();
    }

    /**
     * What happened, without what the engine added about the run's state then: "no case got an answer from the
     * model (3 provider failures)" of an outage.
     */
    public static String happened(RunEvent event) {
        return event.detail().split(";", 2)[0];
    }

    /**
     * The line that closes an incomplete run's output, of the event that left it so ({@link RunEvent#whyIncomplete}):
     * "unsent: 159 cases not sent: the breaker of route openai was open; the run is incomplete and resume sends them".
     * An outage's detail already says what resume does.
     */
    public static String whyIncomplete(RunEvent why) {
        String kind = why.kind();
        return kind + ": " + why.detail()
                + (RunEvent.UNSENT.equals(kind) || RunEvent.UNJUDGED.equals(kind)
                        ? "; the run is incomplete and resume sends them"
                : RunEvent.UNANSWERED.equals(kind) ? "; the run is incomplete and resume runs them again" : "");
    }

    /**
     * The events a reader of a run with this status is shown, in order: each but those another says in full
     * ({@link #toldBy}, of the event that left the run incomplete). Null reads as none.
     */
    public static java.util.List<RunEvent> shown(RunStatus runStatus, java.util.List<RunEvent> events) {
        if (events == null) return java.util.List.of();
        RunEvent why = RunEvent.whyIncomplete(runStatus, events);
        return events.stream().filter(e -> !toldBy(e, why)).toList();
    }

    /**
     * Whether {@code event} says again what {@code why} (the line that closes an incomplete run) says: a route's
     * refusal ("refused openai: the server refused its first 3 calls with HTTP 401 ("bad key") …") whose words the
     * cases it kept from the model carry ("…, 29 cases not sent: route openai not called: the server refused …").
     * Listed above it, the server's words were printed twice in four lines.
     */
    public static boolean toldBy(RunEvent event, RunEvent why) {
        return why != null && event != why && RunEvent.REFUSED.equals(event.kind()) && event.route() != null
                && why.detail().contains("route " + event.route() + " not called: ");
    }
}
