package dev.evalbench.core.service;

import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import java.util.function.Consumer;

/**
 * Carries run-level events (breaker state changes) from the router, which exists before the run has an id,
 * to the store and the listener. It binds itself when the run starts, by wrapping the run's listener.
 * Thread-safe. A store failure here is not rethrown: the next case's append meets the same failure and
 * stops the run properly.
 */
final class RunEventRelay implements Consumer<RunEvent> {
    private final RunStore store;
    private volatile String runId;
    private volatile RunListener listener = RunListener.NONE;

    RunEventRelay(RunStore store) {
        this.store = store;
    }

    @Override
    public void accept(RunEvent event) {
        String id = runId;
        if (id == null) return; // no run yet: nothing has been called, so nothing can have changed state
        try {
            store.appendEvent(id, event);
        } catch (StoreException e) {
            return;
        }
        listener.event(event);
    }

    /** The listener the engine should call: it binds this relay to the run when the run starts. */
    RunListener binding(RunListener delegate) {
        return new RunListener() {
            @Override
            public void resumedWith(java.util.List<dev.evalbench.core.record.CaseSummary> alreadyDone) {
                delegate.resumedWith(alreadyDone);
            }

            @Override
            public void started(RunHeader header, int alreadyDone) {
                runId = header.id();
                listener = delegate;
                delegate.started(header, alreadyDone);
            }

            @Override
            public void caseFinished(dev.evalbench.core.record.CaseRecord record, int done, int total) {
                delegate.caseFinished(record, done, total);
            }

            @Override
            public void event(RunEvent event) {
                delegate.event(event);
            }

            @Override
            public void finished(RunHeader header) {
                delegate.finished(header);
            }

            @Override
            public void storeFailed(StoreException failure) {
                delegate.storeFailed(failure);
            }
        };
    }
}
