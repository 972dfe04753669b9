package dev.evalbench.core.compare;

import dev.evalbench.core.record.EventWords;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What a comparison tells its reader first when a run of it stands incomplete: it compares the cases that run stored,
 * and says why the others are missing, in the words the run's own output closed with. Pure.
 */
final class IncompleteRuns {
    private IncompleteRuns() {}

    /**
     * Of each incomplete run among {@code runs} (header, then its events), in order: "run X: unsent: 159 cases not
     * sent: the breaker of route openai was open; the run is incomplete and resume sends them", or "run X: stopped
     * before it finished; resume sends the cases left" when no event says why (someone stopped it).
     */
    static List<String> of(RunHeader before, List<RunEvent> beforeEvents, RunHeader after, List<RunEvent> afterEvents) {
        List<String> lines = new ArrayList<>(2);
        add(lines, before, beforeEvents);
        add(lines, after, afterEvents);
        return List.copyOf(lines);
    }

    private static void add(List<String> lines, RunHeader run, List<RunEvent> events) {
        if (run.status() != RunStatus.INCOMPLETE) return;
        RunEvent why = RunEvent.whyIncomplete(run.status(), events);
        lines.add("run " + run.id() + ": " + (why == null ? "stopped before it finished; resume sends the cases left"
                : EventWords.whyIncomplete(why)));
    }
}
