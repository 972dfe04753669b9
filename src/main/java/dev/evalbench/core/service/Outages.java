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
        return isOutage(why(store, run));
    }

    /**
     * What left the run incomplete when nobody stopped it (an outage's event, or the cases kept from the model), else
     * null: one read of its events when it is incomplete, for a caller that asks both {@link #isOutage} and
     * {@link #unsentDetail} of it. Blocking.
     */
    public static RunEvent why(RunStore store, RunHeader run) throws StoreException {
        if (run.status() != RunStatus.INCOMPLETE) return null;
        return RunEvent.whyIncomplete(run.status(), store.events(run.id()));
    }

    /** Whether {@code why} ({@link #why}) is an outage: the model answered none of the run's cases. */
    public static boolean isOutage(RunEvent why) {
        return why != null && RunEvent.OUTAGE.equals(why.kind());
    }

    /**
     * The words of {@code why} ({@link #why}) when cases were left for resume while the model answered others: kept
     * from the model (an open breaker, a route the server refused: "151 cases not sent: …"), left ungraded by a
     * judge's route ("12 cases not judged: …"), or stored as the failures of a route that answered none of them ("32
     * cases of route ollama got no answer from it …"); else null. Resume sends them.
     */
    public static String unsentDetail(RunEvent why) {
        return why != null && (RunEvent.UNSENT.equals(why.kind()) || RunEvent.UNJUDGED.equals(why.kind())
                || RunEvent.UNANSWERED.equals(why.kind())) ? why.detail() : null;
    }
}
