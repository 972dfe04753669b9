package dev.evalbench.core.compare;

import dev.evalbench.core.record.CaseAlignment;
import dev.evalbench.core.record.CasePair;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunHeader;
import java.util.List;
import java.util.Locale;

/**
 * How a run's verdicts moved since an earlier run, from the two runs' summaries alone (no record read): the
 * author's first question after Ctrl+R, answered beside the gates before any comparison is opened. Cases pair as
 * a comparison pairs them ({@link CaseAlignment}). Immutable.
 *
 * @param earlier      the run compared with
 * @param nowPass      cases that failed in {@code earlier} and pass now
 * @param nowFail      cases that passed in {@code earlier} and fail now
 * @param paired       cases present in both runs
 * @param stillFail    cases that failed in both
 * @param earlierCases cases of {@code earlier} when this run ran only some of its cases again (a slice: its failing
 *                     cases, one case, a suite); 0 when it ran every case of the workspace
 * @param nowUnanswered of {@code nowFail}, the cases the model gave no answer now (a provider failure): a route down
 *                      is not a prompt that got worse
 */
public record VerdictFlips(RunHeader earlier, int nowPass, int nowFail, int paired, int stillFail, int earlierCases,
                           int nowUnanswered) {
    /** Flips of a run that ran every case. */
    public VerdictFlips(RunHeader earlier, int nowPass, int nowFail, int paired) {
        this(earlier, nowPass, nowFail, paired, 0, 0);
    }

    /** Flips in which every case that now fails got an answer. */
    public VerdictFlips(RunHeader earlier, int nowPass, int nowFail, int paired, int stillFail, int earlierCases) {
        this(earlier, nowPass, nowFail, paired, stillFail, earlierCases, 0);
    }

    /** Flips of a run that ran every case. */
    public static VerdictFlips of(RunHeader earlier, List<CaseSummary> before, List<CaseSummary> after) {
        return of(earlier, before, after, false);
    }

    /** @param slice whether the later run chose only some cases ({@code RunConfig.coversAll} false) */
    public static VerdictFlips of(RunHeader earlier, List<CaseSummary> before, List<CaseSummary> after, boolean slice) {
        int toPass = 0;
        int toFail = 0;
        int paired = 0;
        int failing = 0;
        int unanswered = 0;
        for (CasePair<CaseSummary> pair : CaseAlignment.matched(before, after)) {
            paired++;
            if (pair.flippedToPass()) toPass++;
            else if (pair.flippedToFail()) {
                toFail++;
                if (pair.after().errored()) unanswered++;
            } else if (!pair.after().passed()) failing++;
        }
        return new VerdictFlips(earlier, toPass, toFail, paired, failing, slice ? before.size() : 0, unanswered);
    }

    /**
     * Whether this run ran only some of the earlier run's cases again (its failing cases, one case, a suite):
     * then what still fails matters as much as what flipped.
     */
    public boolean ranSome() {
        return earlierCases > 0 && paired < earlierCases;
    }

    /** "27 of its 159 cases run again", when {@link #ranSome}; empty otherwise. */
    public String scope() {
        return ranSome() ? n(paired) + " of its " + n(earlierCases) + " cases run again" : "";
    }

    /**
     * "2 cases now pass, 1 now fails", "1 case now fails", or "no case changed its verdict (159 in both)"; when
     * {@link #ranSome}, what still fails too: "12 cases now pass, 15 still fail", "1 case still fails". Cases that now
     * fail for want of an answer say so: "132 cases now fail (no answer from the model)", "3 cases now fail (1 got no
     * answer from the model)".
     */
    public String inWords() {
        if (ranSome()) {
            // The first count names the cases ("12 cases now pass"), the others follow it ("15 still fail").
            List<String> parts = new java.util.ArrayList<>();
            for (Count c : List.of(new Count(nowPass, "now pass", "now passes", ""),
                    new Count(nowFail, "now fail", "now fails", unanswered()),
                    new Count(stillFail, "still fail", "still fails", ""))) {
                if (c.n() == 0) continue;
                String verb = (c.n() == 1 ? c.singular() : c.plural()) + c.why();
                parts.add(parts.isEmpty() ? cases(c.n(), verb, verb) : n(c.n()) + " " + verb);
            }
            return parts.isEmpty() ? "no case changed its verdict (" + n(paired) + " in both)" : String.join(", ", parts);
        }
        if (nowPass == 0 && nowFail == 0) return "no case changed its verdict (" + n(paired) + " in both)";
        if (nowFail == 0) return cases(nowPass, "now pass", "now passes");
        if (nowPass == 0) return cases(nowFail, "now fail", "now fails") + unanswered();
        return cases(nowPass, "now pass", "now passes") + ", " + n(nowFail) + (nowFail == 1 ? " now fails" : " now fail")
                + unanswered();
    }

    /** What follows the count of cases that now fail when some of them got no answer; else empty. */
    private String unanswered() {
        if (nowUnanswered == 0) return "";
        return nowUnanswered == nowFail ? " (no answer from the model)"
                : " (" + n(nowUnanswered) + " got no answer from the model)";
    }

    /** A count in words: "15 still fail"; {@code why} follows the verb ("" or " (no answer from the model)"). */
    private record Count(int n, String plural, String singular, String why) {}

    private static String cases(int n, String plural, String singular) {
        return n == 1 ? "1 case " + singular : n(n) + " cases " + plural;
    }

    /** A count as every other count of the window and the terminal reads: "1,133", not "1133". */
    private static String n(int count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
