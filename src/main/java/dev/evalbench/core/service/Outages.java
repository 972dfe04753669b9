package dev.evalbench.core.service;

import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;

/**
 * Whether a run stands incomplete because of an outage: the model answered none of its cases (its route was down,
 * every call failed), and the engine recorded so ({@link RunEvent#OUTAGE}) and left it open for resume. Such a run
 * measured the outage, not the model: it is no run to compare another with, and it reads otherwise than one someone
 * stopped. Reads the run's events when it is incomplete (a few small rows), nothing otherwise; blocking.
 */
public final class Outages {
    private Outages() {}

    public static boolean leftIncomplete(RunStore store, RunHeader run) throws StoreException {
        if (run.status() != RunStatus.INCOMPLETE) return false;
        return RunEvent.leftByAnOutage(run.status(), store.events(run.id()));
    }

    /**
     * Why the run stands incomplete when cases were kept from the model (an open breaker, a route the server refused)
     * and the model answered others: the event's words ("151 cases not sent: …"); null otherwise. Resume sends them.
     * Reads the run's events when it is incomplete; blocking.
     */
    public static String unsent(RunStore store, RunHeader run) throws StoreException {
        if (run.status() != RunStatus.INCOMPLETE) return null;
        RunEvent why = RunEvent.whyIncomplete(run.status(), store.events(run.id()));
        return why != null && RunEvent.UNSENT.equals(why.kind()) ? why.detail() : null;
    }
}
