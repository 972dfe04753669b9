package dev.evalbench.core.eval;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cohen's kappa: how far two raters (a judge model and a human) agree beyond what chance would give,
 * {@code (p_o - p_e) / (1 - p_e)}, where {@code p_o} is the share of items both labelled alike and {@code p_e}
 * the agreement expected from each rater's own label frequencies. 1 is perfect agreement, 0 chance level,
 * below 0 worse than chance. When chance agreement is already total ({@code p_e = 1}: both raters gave one and
 * the same label to everything) kappa is undefined and NaN. Pure.
 */
public final class CohenKappa {
    private CohenKappa() {}

    /** A paired label: what the first rater (the judge) and the second (the human) said about one item. */
    public record Pair(String first, String second) {}

    /**
     * @throws IllegalArgumentException for no pairs or a null label
     */
    public static double of(List<Pair> pairs) {
        if (pairs.isEmpty()) throw new IllegalArgumentException("kappa needs at least one labelled pair");
        Map<String, int[]> counts = new TreeMap<>();
        int agree = 0;
        for (Pair p : pairs) {
            Objects.requireNonNull(p.first(), "first label");
            Objects.requireNonNull(p.second(), "second label");
            counts.computeIfAbsent(p.first(), k -> new int[2])[0]++;
            counts.computeIfAbsent(p.second(), k -> new int[2])[1]++;
            if (p.first().equals(p.second())) agree++;
        }
        double n = pairs.size();
        double observed = agree / n;
        double expected = 0;
        for (String label : new TreeSet<>(counts.keySet())) {
            int[] c = counts.get(label);
            expected += (c[0] / n) * (c[1] / n);
        }
        return expected == 1.0 ? Double.NaN : (observed - expected) / (1 - expected);
    }
}
