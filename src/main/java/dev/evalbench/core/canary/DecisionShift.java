package dev.evalbench.core.canary;

import dev.evalbench.core.gate.stats.Interval;
import dev.evalbench.core.gate.stats.PValueText;
import dev.evalbench.core.record.ScoredCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The decision-distribution metric: how the share of each final action moved between control and canary. Each
 * action is tested on its own with Fisher's exact test and the smallest p-value is Bonferroni-corrected for the
 * number of actions; the effect is the total variation distance between the two distributions (half the sum of
 * the absolute share changes: the share of requests whose action would have to change), with a bootstrap
 * interval. HIGH or LOW follows the action that moved most. Stateless.
 */
final class DecisionShift {
    private static final String NONE = "(none)";

    private DecisionShift() {}

    static MetricJudgement judge(List<? extends ScoredCase> control, List<? extends ScoredCase> canary, double alpha) {
        CanaryMetric m = CanaryMetric.DECISION_DISTRIBUTION;
        int n1 = control.size();
        int n2 = canary.size();
        if (n1 == 0 || n2 == 0) return MetricJudgement.noData(m, n1, n2, "a run has no requests");
        TreeSet<String> names = new TreeSet<>();
        control.forEach(c -> names.add(action(c)));
        canary.forEach(c -> names.add(action(c)));
        List<String> actions = new ArrayList<>(names);
        double[] a = encode(control, actions);
        double[] b = encode(canary, actions);
        double minP = 1;
        String moved = actions.get(0);
        double movedBy = 0;
        for (int i = 0; i < actions.size(); i++) {
            int x = count(a, i);
            int y = count(b, i);
            minP = Math.min(minP, TwoSampleTests.fisherExact(x, n1, y, n2));
            double d = (double) y / n2 - (double) x / n1;
            if (Math.abs(d) > Math.abs(movedBy)) {
                movedBy = d;
                moved = actions.get(i);
            }
        }
        int k = actions.size();
        double p = Math.min(1, minP * k);
        double tvd = tvd(a, b, k);
        Interval ci = TwoSampleBootstrap.interval95(a, b, (x, y) -> tvd(x, y, k));
        MetricStatus status = p >= alpha || tvd < m.floor() ? MetricStatus.PASS : movedBy > 0 ? MetricStatus.HIGH : MetricStatus.LOW;
        String detail = String.format(Locale.ROOT, "decisions moved by %.1f%% of requests (95%% interval %.1f%% to %.1f%%); most: %s %+.1f points; "
                        + "exact tests per action, Bonferroni-corrected %s over %d actions",
                100 * tvd, 100 * ci.low(), 100 * ci.high(), moved, 100 * movedBy, PValueText.compact(p), k);
        return new MetricJudgement(m, status, CanaryJudge.bad(m, status), 0.0, tvd, tvd, ci.low(), ci.high(),
                "fisher_exact_per_action_bonferroni", p, m.floor(), n1, n2, detail);
    }

    private static String action(ScoredCase c) {
        return c.finalAction() == null ? NONE : c.finalAction();
    }

    private static double[] encode(List<? extends ScoredCase> cases, List<String> actions) {
        double[] out = new double[cases.size()];
        for (int i = 0; i < out.length; i++) out[i] = actions.indexOf(action(cases.get(i)));
        return out;
    }

    private static int count(double[] coded, int index) {
        int n = 0;
        for (double v : coded) if (v == index) n++;
        return n;
    }

    private static double tvd(double[] a, double[] b, int k) {
        double[] fa = new double[k];
        double[] fb = new double[k];
        for (double v : a) fa[(int) v] += 1.0 / a.length;
        for (double v : b) fb[(int) v] += 1.0 / b.length;
        double sum = 0;
        for (int i = 0; i < k; i++) sum += Math.abs(fa[i] - fb[i]);
        return sum / 2;
    }
}
