package dev.evalbench.app.results;

import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RouteUsage;
import javafx.scene.control.Label;

/**
 * The line a results tab shows when some of its run's answers came from the response cache: the window's cache
 * is "read-write" by default, and a run on a route whose server changed behind the same model name reads the old
 * answers, scored again, with nothing else to tell them from new ones. Counted from the summaries the tab has
 * read, once they are all read; hidden when no answer came from the cache. FX thread only.
 */
public final class CacheHitsLine {
    private CacheHitsLine() {}

    public static Label of(ResultsViewModel vm) {
        Label line = NoteLine.hidden("results-cache-hits");
        vm.loadedProperty().addListener((o, was, loaded) -> {
            String text = loaded ? text(vm.all()) : "";
            if (!text.isEmpty()) NoteLine.show(line, text, "");
        });
        return line;
    }

    /** What the line says of these cases, or empty when none came from the cache. */
    private static String text(java.util.List<CaseSummary> cases) {
        String words = RouteUsage.cacheInWords(cases);
        return words.isEmpty() ? "" : words + "; cache off asks the model every time.";
    }
}
