package dev.evalbench.app.runner;

import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import java.util.HashMap;
import java.util.Map;

/**
 * Which results tab a finished run replaces: the tab of the last run started from this window that ran the same
 * cases (suites, tags, case ids) on the same routes as many times. Edit, run, read, again is the author's loop, and
 * a tab per run left a row of tabs of one question, each older than the last, as an IDE's run window would if it
 * never reused a tab; the history keeps every run, and Previous or Compare sets two side by side. Not thread-safe:
 * the FX thread's.
 */
final class RerunTabs {
    private final Map<String, String> lastRunByQuestion = new HashMap<>();

    /** Notes {@code finished} and returns the run whose results tab its own replaces, or null for the first of its kind. */
    String replaced(RunHeader finished) {
        RunConfig config = finished.config();
        if (config == null) return null;
        String key = "routes " + config.routes() + " suites " + config.suites() + " tags " + config.tags()
                + " cases " + config.caseIds() + " x" + config.repeat();
        return lastRunByQuestion.put(key, finished.id());
    }
}
