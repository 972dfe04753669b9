package dev.evalbench.core.gate.stats;

/** A closed interval {@code [low, high]}, for example a 95% confidence interval. */
public record Interval(double low, double high) {
    public boolean contains(double x) {
        return low <= x && x <= high;
    }
}
