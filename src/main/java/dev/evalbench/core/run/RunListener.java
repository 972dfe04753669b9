package dev.evalbench.core.run;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;

/**
 * Progress of a run, for the CLI's progress line and the workbench. Called from worker threads, possibly
 * concurrently: implementations must be thread-safe and return quickly (the workbench hops to the FX thread
 * itself). {@code done} counts stored cases including those a resumed run found already done.
 */
public interface RunListener {
    default void started(RunHeader header, int alreadyDone) {}

    default void caseFinished(CaseRecord record, int done, int total) {}

    default void event(RunEvent event) {}

    default void finished(RunHeader header) {}

    RunListener NONE = new RunListener() {};
}
