package dev.evalbench.core.gate;

/**
 * One gate's verdict. {@code value} is the measured value; {@code threshold} the bound it was held to
 * ({@code comparator} ">=" or "<="); {@code baselineValue}, {@code pValue} and the interval are null when not
 * applicable. {@code detail} is one plain sentence for people.
 */
public record GateVerdict(
        String id,
        String kind,
        String suite,
        boolean passed,
        double value,
        double threshold,
        String comparator,
        Double baselineValue,
        Double intervalLow,
        Double intervalHigh,
        Double pValue,
        String mode,
        String detail) {}
