package dev.evalbench.core.eval;

import dev.evalbench.core.record.JudgeVerdict;
import dev.evalbench.core.record.ScoredCase;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The metrics of a model-graded judge over stored cases, read from each case's {@link JudgeVerdict}s:
 * {@code judge.<name>.pass_rate} is the share of ALL the suite's cases the judge passed (a case the judge
 * could not grade, through an error or for want of a valid output, is not a pass: a gate cannot certify what
 * was never graded); {@code judge.<name>.mean_score} is the mean score over the cases that got one. Pure.
 */
public final class JudgeMetrics {
    private JudgeMetrics() {}

    /** The judge's verdict on this case, if the case has one (records of suites without the judge have none). */
    public static Optional<JudgeVerdict> verdict(ScoredCase c, String judge) {
        return c.judgements().stream().filter(v -> v.name().equals(judge)).findFirst();
    }

    public static boolean passed(ScoredCase c, String judge) {
        return verdict(c, judge).map(JudgeVerdict::passed).orElse(false);
    }

    /** Passed / all cases; 0 for no cases. */
    public static double passRate(List<? extends ScoredCase> cases, String judge) {
        if (cases.isEmpty()) return 0;
        return (double) cases.stream().filter(c -> passed(c, judge)).count() / cases.size();
    }

    /** The mean score over the cases the judge scored; empty when it scored none. */
    public static Optional<Double> meanScore(List<? extends ScoredCase> cases, String judge) {
        OptionalDouble mean = cases.stream().map(c -> verdict(c, judge)).flatMap(Optional::stream)
                .filter(v -> v.score() != null).mapToInt(JudgeVerdict::score).average();
        return mean.isPresent() ? Optional.of(mean.getAsDouble()) : Optional.empty();
    }

    /** How many cases got each outcome ({@link JudgeVerdict#PASS}, FAIL, ERROR, NO_OUTPUT), in that order. */
    public static int[] outcomeCounts(List<? extends ScoredCase> cases, String judge) {
        int[] counts = new int[4];
        List<String> order = List.of(JudgeVerdict.PASS, JudgeVerdict.FAIL, JudgeVerdict.ERROR, JudgeVerdict.NO_OUTPUT);
        for (ScoredCase c : cases) {
            verdict(c, judge).ifPresent(v -> {
                int i = order.indexOf(v.outcome());
                if (i >= 0) counts[i]++;
            });
        }
        return counts;
    }
}
