package dev.evalbench.core.canary;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The verdict from judged metrics, in this order: too few requests in either run is HOLD (never promote on thin
 * evidence); a critical metric that got worse is ROLL_BACK whatever the others say (the veto); a critical metric
 * without data is HOLD; otherwise the score (share of metrics with data that did not get worse) decides:
 * PROMOTE at or above {@code passScore}, ROLL_BACK below {@code marginalScore}, HOLD between. Stateless.
 */
final class CanaryVerdicts {
    private CanaryVerdicts() {}

    static CanaryResult decide(String controlId, String canaryId, int n1, int n2, CanaryOptions o, List<MetricJudgement> metrics) {
        List<MetricJudgement> withData = metrics.stream().filter(m -> m.status() != MetricStatus.NO_DATA).toList();
        long good = withData.stream().filter(m -> !m.bad()).count();
        double score = withData.isEmpty() ? 0 : (double) good / withData.size();
        List<MetricJudgement> bad = metrics.stream().filter(MetricJudgement::bad).toList();
        String badWords = bad.stream().map(CanaryVerdicts::words).collect(Collectors.joining(", "));
        CanaryVerdict verdict;
        String reason;
        if (n1 < o.minSamples() || n2 < o.minSamples()) {
            verdict = CanaryVerdict.HOLD;
            reason = "too few requests to judge: control " + n1 + ", canary " + n2 + " (at least " + o.minSamples() + " each)"
                    + (bad.isEmpty() ? "" : "; already worse: " + badWords);
        } else if (bad.stream().anyMatch(m -> m.metric().critical())) {
            verdict = CanaryVerdict.ROLL_BACK;
            reason = "a critical metric got worse: " + badWords;
        } else if (metrics.stream().anyMatch(m -> m.metric().critical() && m.status() == MetricStatus.NO_DATA)) {
            verdict = CanaryVerdict.HOLD;
            reason = "no data for critical metric(s) " + metrics.stream().filter(m -> m.metric().critical() && m.status() == MetricStatus.NO_DATA)
                    .map(m -> m.metric().label()).collect(Collectors.joining(", "));
        } else if (score >= o.passScore()) {
            verdict = CanaryVerdict.PROMOTE;
            reason = String.format(Locale.ROOT, "every metric held (score %.0f%%)", 100 * score);
        } else if (score < o.marginalScore()) {
            verdict = CanaryVerdict.ROLL_BACK;
            reason = String.format(Locale.ROOT, "score %.0f%% is below %.0f%%: %s", 100 * score, 100 * o.marginalScore(), badWords);
        } else {
            verdict = CanaryVerdict.HOLD;
            reason = String.format(Locale.ROOT, "score %.0f%% is below %.0f%% to promote: %s", 100 * score, 100 * o.passScore(), badWords);
        }
        return new CanaryResult(controlId, canaryId, n1, n2, o, metrics, score, verdict, reason);
    }

    private static String words(MetricJudgement m) {
        return m.metric().label() + " " + m.status().name().toLowerCase(Locale.ROOT) + (m.metric().critical() ? " (critical)" : "");
    }
}
