package dev.evalbench.app.compare;

import dev.evalbench.core.compare.ReviewStatus;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.service.ReviewService;
import java.util.Locale;

/** The words above a comparison's list of cases: its counts by status, and what the comparison left out. Pure. */
final class ComparisonWords {
    private ComparisonWords() {}

    /**
     * The counts by status. Of two traffic runs, whose requests never pair, only the counts of each run: "0 regressed ·
     * 0 improved · 0 with another output · 0 unchanged" said nothing, and pushed the counts that do off a laptop's line.
     */
    static String headline(ReviewService.Cases c) {
        if (unpaired(c)) {
            return String.format(Locale.ROOT, "%,d only in the first run · %,d only in the second",
                    c.count(ReviewStatus.ONLY_BEFORE), c.count(ReviewStatus.ONLY_AFTER));
        }
        return String.format(Locale.ROOT, "%,d regressed · %,d improved · %,d with another output · %,d unchanged"
                        + " · %,d only in the first run · %,d only in the second",
                c.count(ReviewStatus.REGRESSED), c.count(ReviewStatus.IMPROVED), c.count(ReviewStatus.OTHER_OUTPUT),
                c.count(ReviewStatus.UNCHANGED), c.count(ReviewStatus.ONLY_BEFORE), c.count(ReviewStatus.ONLY_AFTER));
    }

    /** Two traffic runs (a control and its canary): production's requests, none of one the same as one of the other. */
    static boolean unpaired(ReviewService.Cases c) {
        return c.before().kind() == RunKind.TRAFFIC && c.after().kind() == RunKind.TRAFFIC;
    }

    /**
     * When one run ran only part of what the other did, what the comparison left out, capitalized; for two traffic
     * runs (a control and its canary), that their requests do not pair (the list reads "500 only in the first run ·
     * 500 only in the second") and that the canary is judged as the command line judges it; else "".
     */
    static String scope(ReviewService.Cases c) {
        if (unpaired(c)) {
            return "Two traffic runs hold different requests, so no case pairs with another. The second is judged as a"
                    + " canary of the first, as `evalbench canary CONTROL CANARY` judges it (promote, roll back or hold).";
        }
        String scope = c.scope().sentence("the first run", "the second");
        return scope == null ? "" : dev.evalbench.core.text.Counted.capitalized(scope) + ".";
    }
}
