package dev.evalbench.core.eval;

import dev.evalbench.core.record.JudgeVerdict;
import dev.evalbench.core.record.ScoredCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One model-graded judge over one suite of a stored run: its outcome counts, mean score and, where cases
 * carry a human label for the judge, its agreement with the people: Cohen's kappa on pass/fail
 * ({@link CohenKappa}) and quadratic weighted kappa on the scores ({@link WeightedKappa}), over the
 * {@code labelled} cases the judge scored and a human labelled. With fewer than {@value #MIN_LABELS} such
 * cases both kappas are null and {@link #tooFewLabels} is true: a kappa from a handful of items swings by
 * a third with one disagreement, and reading it as a verdict on the judge would mislead. A kappa is also null
 * when it is undefined (every label and every verdict the same). Computed from stored records alone. Immutable.
 */
public record JudgeAgreement(
        String suite,
        String judge,
        int cases,
        int passed,
        int failed,
        int errors,
        int noOutput,
        Double meanScore,
        int labelled,
        Double kappa,
        Double weightedKappa) {

    /** The fewest labelled cases for which a kappa is reported. */
    public static final int MIN_LABELS = 10;

    public boolean tooFewLabels() {
        return labelled < MIN_LABELS;
    }

    /** Every (suite, judge) the cases hold verdicts of, in order of first appearance. */
    public static List<JudgeAgreement> of(List<? extends ScoredCase> cases) {
        Map<List<String>, List<ScoredCase>> bySuiteJudge = new LinkedHashMap<>();
        for (ScoredCase c : cases) {
            for (JudgeVerdict v : c.judgements()) {
                bySuiteJudge.computeIfAbsent(List.of(c.key().suite(), v.name()), k -> new ArrayList<>()).add(c);
            }
        }
        List<JudgeAgreement> rows = new ArrayList<>();
        bySuiteJudge.forEach((key, suiteCases) -> rows.add(of(key.get(0), key.get(1), suiteCases)));
        return rows;
    }

    /** The judge {@code judge} over {@code cases} (the cases of one suite). */
    public static JudgeAgreement of(String suite, String judge, List<? extends ScoredCase> cases) {
        int[] counts = JudgeMetrics.outcomeCounts(cases, judge);
        List<CohenKappa.Pair> verdictPairs = new ArrayList<>();
        List<WeightedKappa.Pair> scorePairs = new ArrayList<>();
        for (ScoredCase c : cases) {
            Optional<JudgeVerdict> found = JudgeMetrics.verdict(c, judge);
            if (found.isEmpty()) continue;
            JudgeVerdict v = found.get();
            if (!v.judged() || v.score() == null || v.label() == null) continue;
            scorePairs.add(new WeightedKappa.Pair(v.score(), v.label()));
            if (v.labelPassed() != null) verdictPairs.add(new CohenKappa.Pair(v.outcome(), v.labelPassed() ? JudgeVerdict.PASS : JudgeVerdict.FAIL));
        }
        int labelled = scorePairs.size();
        boolean enough = labelled >= MIN_LABELS;
        return new JudgeAgreement(suite, judge, cases.size(), counts[0], counts[1], counts[2], counts[3],
                JudgeMetrics.meanScore(cases, judge).orElse(null), labelled,
                enough && verdictPairs.size() >= MIN_LABELS ? finite(CohenKappa.of(verdictPairs)) : null,
                enough ? finite(WeightedKappa.quadratic(scorePairs)) : null);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
