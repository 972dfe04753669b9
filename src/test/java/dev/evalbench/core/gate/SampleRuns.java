package dev.evalbench.core.gate;

import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.route.FakeRouteCaller;
import dev.evalbench.core.run.AppInfo;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunEngine;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.workspace.Workspace;
import java.time.Clock;

/** Runs of the sample workspace for the gate tests: the real engine and store, and a model that answers at once. */
final class SampleRuns {
    /** A valid triage answer (right for some tickets, wrong for others). */
    static final String VALID = "{\"category\":\"bug\",\"priority\":\"medium\",\"action\":\"reply\","
            + "\"order_id\":null,\"reply\":\"On it.\"}";

    private SampleRuns() {}

    /**
     * A run of {@code config}; the answers vary with the case (some not schema-valid), so the cases differ in
     * outcome and in tokens.
     */
    static RunHeader run(Workspace ws, RunStore store, RunConfig config) throws StoreException {
        return new RunEngine(store, Components.processor(ws, Clock.systemUTC()), Clock.systemUTC())
                .start(ws, config, new AppInfo("test", null),
                        FakeRouteCaller.answering(user -> user.length() % 3 == 0 ? "{\"category\":\"bug\"}" : VALID),
                        RunListener.NONE, new Cancellation());
    }
}
