package dev.evalbench.core.gate;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.text.Counted;
import java.util.List;

/**
 * What a token or cost gate adds to its detail when some of its figures are estimates (cases whose provider
 * reported no usage): how many cases, in which run, and how they were estimated. Empty when every count was
 * reported, so the detail of an ordinary run reads as before. Stateless.
 */
final class TokenEstimates {
    static final String METHOD = CaseRecord.TOKEN_ESTIMATE_METHOD;

    private TokenEstimates() {}

    /** A sentence starting with a space, or "" when no record of either list has estimated tokens. */
    static String note(List<? extends ScoredCase> run, List<? extends ScoredCase> baseline) {
        long inRun = estimated(run);
        long inBase = baseline == null ? 0 : estimated(baseline);
        if (inRun == 0 && inBase == 0) {
            return "";
        }
        StringBuilder note = new StringBuilder(" Estimated, not reported: tokens of ");
        if (inRun > 0) {
            note.append(inRun + " of " + Counted.cases(run.size()) + " of this run");
        }
        if (inBase > 0) {
            note.append(inRun > 0 ? " and " : "")
                    .append(inBase + " of " + Counted.cases(baseline.size()) + " of the baseline");
        }
        return note.append(" (the provider sent no usage; estimated as ").append(METHOD).append(").").toString();
    }

    private static long estimated(List<? extends ScoredCase> cases) {
        return cases.stream().filter(ScoredCase::tokensEstimated).count();
    }
}
