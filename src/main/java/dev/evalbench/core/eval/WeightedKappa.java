package dev.evalbench.core.eval;

import java.util.List;

/**
 * Cohen's weighted kappa with quadratic weights, for ordinal scores (a judge's 1-5 against a human's):
 * {@code 1 - sum((i-j)^2 * O_ij) / sum((i-j)^2 * E_ij)}, where {@code O} are the observed proportions of
 * score pairs and {@code E} the proportions expected from each rater's own score frequencies. A near miss
 * (4 for 5) costs a quarter of what a miss by two costs. The scale's width cancels out of the ratio, so only
 * the scores given matter. 1 is perfect agreement, 0 chance level; NaN when the expected disagreement is 0
 * (both raters gave one and the same score to everything). Pure.
 */
public final class WeightedKappa {
    private WeightedKappa() {}

    /** A paired score: the first rater's (the judge) and the second's (the human) for one item. */
    public record Pair(int first, int second) {}

    /** @throws IllegalArgumentException for no pairs */
    public static double quadratic(List<Pair> pairs) {
        if (pairs.isEmpty()) throw new IllegalArgumentException("weighted kappa needs at least one scored pair");
        double n = pairs.size();
        double observed = 0;
        for (Pair p : pairs) observed += square(p.first() - p.second());
        observed /= n;
        // sum over i, j of (i-j)^2 * P(first=i) * P(second=j) is the mean over all cross pairs
        double expected = 0;
        for (Pair a : pairs) {
            for (Pair b : pairs) expected += square(a.first() - b.second());
        }
        expected /= n * n;
        return expected == 0 ? Double.NaN : 1 - observed / expected;
    }

    private static double square(int d) {
        return (double) d * d;
    }
}
