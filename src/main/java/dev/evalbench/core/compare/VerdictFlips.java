package dev.evalbench.core.compare;

import dev.evalbench.core.record.CaseAlignment;
import dev.evalbench.core.record.CasePair;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunHeader;
import java.util.List;

/**
 * How a run's verdicts moved since an earlier run, from the two runs' summaries alone (no record read): the
 * author's first question after Ctrl+R, answered beside the gates before any comparison is opened. Cases pair as
 * a comparison pairs them ({@link CaseAlignment}). Immutable.
 *
 * @param earlier  the run compared with
 * @param nowPass  cases that failed in {@code earlier} and pass now
 * @param nowFail  cases that passed in {@code earlier} and fail now
 * @param paired   cases present in both runs
 */
public record VerdictFlips(RunHeader earlier, int nowPass, int nowFail, int paired) {
    public static VerdictFlips of(RunHeader earlier, List<CaseSummary> before, List<CaseSummary> after) {
        int toPass = 0;
        int toFail = 0;
        int paired = 0;
        for (CasePair<CaseSummary> pair : CaseAlignment.matched(before, after)) {
            paired++;
            if (pair.flippedToPass()) toPass++;
            else if (pair.flippedToFail()) toFail++;
        }
        return new VerdictFlips(earlier, toPass, toFail, paired);
    }

    /** "2 cases now pass, 1 now fails", "1 case now fails", or "no case changed its verdict (159 in both)". */
    public String inWords() {
        if (nowPass == 0 && nowFail == 0) return "no case changed its verdict (" + paired + " in both)";
        if (nowFail == 0) return cases(nowPass, "now pass", "now passes");
        if (nowPass == 0) return cases(nowFail, "now fail", "now fails");
        return cases(nowPass, "now pass", "now passes") + ", " + nowFail + (nowFail == 1 ? " now fails" : " now fail");
    }

    private static String cases(int n, String plural, String singular) {
        return n == 1 ? "1 case " + singular : n + " cases " + plural;
    }
}
