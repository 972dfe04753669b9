package dev.evalbench.core.eval;

import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.workspace.ExtractionRule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Extraction scores over stored records: the accuracy of each field (the parsed value equals the expected
 * one, null equals null, numbers by value) and the exact-match rate (every extraction field right). A case
 * without a valid output gets every field wrong. Rates are NaN for no records. Immutable.
 */
public final class ExtractionMetrics {
    private final int total;
    private final Map<String, Integer> correctByField;
    private final int exactMatches;

    private ExtractionMetrics(int total, Map<String, Integer> correctByField, int exactMatches) {
        this.total = total;
        this.correctByField = correctByField;
        this.exactMatches = exactMatches;
    }

    public static ExtractionMetrics of(List<? extends ScoredCase> records, List<String> fields) {
        return of(records, fields, Map.of());
    }

    /** As {@link #of(List, List)}, each field compared under its rule in {@code rules} (exact when absent). */
    public static ExtractionMetrics of(List<? extends ScoredCase> records, List<String> fields,
                                       Map<String, ExtractionRule> rules) {
        Map<String, Integer> correct = new LinkedHashMap<>();
        fields.forEach(f -> correct.put(f, 0));
        int exact = 0;
        for (ScoredCase r : records) {
            boolean all = true;
            for (String f : fields) {
                if (CaseScores.extractionCorrect(r, rules.getOrDefault(f, ExtractionRule.exact(f)))) {
                    correct.merge(f, 1, Integer::sum);
                } else {
                    all = false;
                }
            }
            if (all) {
                exact++;
            }
        }
        return new ExtractionMetrics(records.size(), Collections.unmodifiableMap(correct), exact);
    }

    public int total() { return total; }

    /** @throws IllegalArgumentException for a field these metrics were not computed on */
    public double accuracy(String field) {
        Integer correct = correctByField.get(field);
        if (correct == null) {
            throw new IllegalArgumentException("not an extraction field here: " + field);
        }
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    public double exactMatch() { return total == 0 ? Double.NaN : (double) exactMatches / total; }

    /** Per field, how many cases got it right. */
    public Map<String, Integer> correctByField() { return correctByField; }
}
