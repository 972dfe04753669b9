package dev.evalbench.core.run;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.store.StoreException;

/**
 * Progress of a run, for the CLI's progress line and the workbench. Called from the engine's threads, possibly
 * concurrently ({@link #caseFinished} from the run's writer thread once the case is stored, {@link #event} from
 * worker threads): implementations must be thread-safe and return quickly (the workbench hops to the FX thread
 * itself). {@code done} counts stored cases including those a resumed run found already done.
 */
public interface RunListener {
    /**
     * A resumed run's cases found already done, before {@link #started}: counted as this session's are, so that a
     * progress line reads "159 / 159  pass 22 fail 137", not the 67 cases this session ran beside 159 done.
     */
    default void resumedWith(java.util.List<dev.evalbench.core.record.CaseSummary> alreadyDone) {}

    default void started(RunHeader header, int alreadyDone) {}

    default void caseFinished(CaseRecord record, int done, int total) {}

    default void event(RunEvent event) {}

    default void finished(RunHeader header) {}

    /**
     * The history failed (disk full, a locked or broken file): the run stops, cases stored so far stay, and the
     * engine rethrows {@code failure} to its caller after this call. {@link #finished} is not called then.
     */
    default void storeFailed(StoreException failure) {}

    RunListener NONE = new RunListener() {};
}
