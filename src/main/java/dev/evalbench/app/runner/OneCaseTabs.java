package dev.evalbench.app.runner;

import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import java.util.HashMap;
import java.util.Map;

/**
 * Which results tab a finished run of one case replaces: the tab of the last run of that same case on the same routes,
 * started from this window. Run case (Ctrl+Enter) is a loop (edit, save, run the case, read it, again), and a tab per
 * run left a dozen tabs of one case, each older than the last; the history keeps every run. Not thread-safe: the FX
 * thread's.
 */
final class OneCaseTabs {
    private final Map<String, String> lastRunByCase = new HashMap<>();

    /**
     * Notes {@code finished} and returns the run whose results tab its own replaces, or null: when it is not a run of
     * one case of one suite, or the first of its case.
     */
    String replaced(RunHeader finished) {
        RunConfig config = finished.config();
        if (config == null || config.caseIds().size() != 1 || config.suites().size() != 1) return null;
        String key = config.suites().get(0) + "/" + config.caseIds().get(0) + " on " + config.routes();
        return lastRunByCase.put(key, finished.id());
    }
}
