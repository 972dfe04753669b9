package dev.evalbench.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.record.ScoredCase;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Classification scores of one field over stored records. A case without a valid output (provider failure
 * or schema failure) is a wrong prediction with predicted label {@code <invalid>}. Per-label precision is 0
 * for a label never predicted, recall 0 for a label never expected, F1 0 when both are 0. Macro F1 averages
 * the F1 of the <em>expected</em> labels (the dataset's classes); a predicted label no case expects, such as
 * {@code <invalid>} or a made-up class, lowers the recall of the true class but is not a class of its own.
 * Accuracy is NaN for no records. Immutable.
 */
public final class ClassificationMetrics {
    private final int total;
    private final int correct;
    private final Map<String, Map<String, Integer>> confusion;
    private final Set<String> expectedLabels;
    private final Set<String> predictedLabels;

    private ClassificationMetrics(int total, int correct, Map<String, Map<String, Integer>> confusion,
            Set<String> expectedLabels, Set<String> predictedLabels) {
        this.total = total;
        this.correct = correct;
        this.confusion = confusion;
        this.expectedLabels = expectedLabels;
        this.predictedLabels = predictedLabels;
    }

    public static ClassificationMetrics of(List<? extends ScoredCase> records, String field) {
        // Counted by hash and sorted once at the end, and each JSON tree's label worked out once: a history's
        // summaries share one tree per distinct value, and 100,000 sorted-map updates were most of a gate's time.
        Map<String, Map<String, int[]>> counts = new HashMap<>();
        Map<JsonNode, String> labels = new IdentityHashMap<>();
        int correct = 0;
        for (ScoredCase r : records) {
            String want = label(labels, r.expected(), field);
            JsonNode output = FieldValues.validOutput(r);
            String got = output == null ? FieldValues.INVALID : label(labels, output, field);
            counts.computeIfAbsent(want, k -> new HashMap<>()).computeIfAbsent(got, k -> new int[1])[0]++;
            if (want.equals(got)) {
                correct++;
            }
        }
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        Set<String> predicted = new TreeSet<>();
        counts.forEach((want, row) -> {
            Map<String, Integer> sorted = new TreeMap<>();
            row.forEach((got, n) -> sorted.put(got, n[0]));
            confusion.put(want, sorted);
            predicted.addAll(row.keySet());
        });
        Set<String> expected = new TreeSet<>(counts.keySet());
        return new ClassificationMetrics(records.size(), correct, freeze(confusion),
                Collections.unmodifiableSet(expected), Collections.unmodifiableSet(predicted));
    }

    /** The label of {@code field} of a tree (absent tree: null), as {@link FieldValues#label} gives it; kept by tree. */
    private static String label(Map<JsonNode, String> labels, JsonNode tree, String field) {
        String known = labels.get(tree);
        if (known == null) {
            known = FieldValues.label(FieldValues.field(tree, field));
            labels.put(tree, known);
        }
        return known;
    }

    public int total() { return total; }

    public int correct() { return correct; }

    public double accuracy() { return total == 0 ? Double.NaN : (double) correct / total; }

    /** The labels some case expects, sorted. */
    public Set<String> labels() { return expectedLabels; }

    /** True when some case expects or predicts the label. */
    public boolean knows(String label) { return expectedLabels.contains(label) || predictedLabels.contains(label); }

    /** expected label -> predicted label -> count, both sorted. */
    public Map<String, Map<String, Integer>> confusion() { return confusion; }

    public double precision(String label) {
        int predictedAs = 0;
        for (Map<String, Integer> row : confusion.values()) {
            predictedAs += row.getOrDefault(label, 0);
        }
        return predictedAs == 0 ? 0.0 : (double) truePositives(label) / predictedAs;
    }

    public double recall(String label) {
        int expectedAs = confusion.getOrDefault(label, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        return expectedAs == 0 ? 0.0 : (double) truePositives(label) / expectedAs;
    }

    public double f1(String label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** Mean F1 over the expected labels; NaN for no records. */
    public double macroF1() {
        return expectedLabels.stream().mapToDouble(this::f1).average().orElse(Double.NaN);
    }

    private int truePositives(String label) {
        return confusion.getOrDefault(label, Map.of()).getOrDefault(label, 0);
    }

    private static Map<String, Map<String, Integer>> freeze(Map<String, Map<String, Integer>> confusion) {
        Map<String, Map<String, Integer>> frozen = new TreeMap<>();
        confusion.forEach((k, v) -> frozen.put(k, Collections.unmodifiableMap(v)));
        return Collections.unmodifiableMap(frozen);
    }
}
