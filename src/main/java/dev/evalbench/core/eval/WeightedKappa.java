package dev.evalbench.core.eval;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        // sum over i, j of (i-j)^2 * P(first=i) * P(second=j), from each rater's score counts (a handful of
        // distinct scores, however many pairs)
        Map<Integer, Integer> firsts = new TreeMap<>();
        Map<Integer, Integer> seconds = new TreeMap<>();
        for (Pair p : pairs) {
            firsts.merge(p.first(), 1, Integer::sum);
            seconds.merge(p.second(), 1, Integer::sum);
        }
        double expected = 0;
        for (var a : firsts.entrySet()) {
            for (var b : seconds.entrySet()) expected += square(a.getKey() - b.getKey()) * a.getValue() * b.getValue();
        }
        expected /= n * n;
        return expected == 0 ? Double.NaN : 1 - observed / expected;
    }

    private static double square(int d) {
        return (double) d * d;
    }
}
