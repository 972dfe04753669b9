package dev.evalbench.core.workspace;

import java.util.List;

/**
 * How one extraction field is compared (docs/scoring.md): {@code normalize} steps applied in order to both the
 * expected and the output value when they are strings ({@code trim}, {@code casefold}, {@code digits_only},
 * {@code date}), and at most one numeric tolerance: {@code abs} (absolute difference) or {@code rel}
 * (difference relative to the expected value). A field listed by name alone has no steps and no tolerance:
 * exact match, numbers by value. Immutable.
 */
public record ExtractionRule(String field, List<String> normalize, Double abs, Double rel) {
    public ExtractionRule {
        normalize = normalize == null ? List.of() : List.copyOf(normalize);
    }

    /** Exact comparison of {@code field}. */
    public static ExtractionRule exact(String field) {
        return new ExtractionRule(field, List.of(), null, null);
    }

    /** The rule in a few words for failure messages ("trim, casefold; within 0.01"); empty for an exact rule. */
    public String describe() {
        StringBuilder sb = new StringBuilder(String.join(", ", normalize));
        String tol = abs != null ? "within " + plain(abs) : rel != null ? "within " + plain(rel * 100) + "%" : null;
        if (tol != null) sb.append(sb.length() == 0 ? "" : "; ").append(tol);
        return sb.toString();
    }

    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
