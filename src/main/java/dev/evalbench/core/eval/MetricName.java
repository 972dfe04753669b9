package dev.evalbench.core.eval;

/**
 * A parsed metric name of a gate. The grammar:
 * <pre>
 *   classification.&lt;field&gt;.accuracy | classification.&lt;field&gt;.macro_f1
 *   classification.&lt;field&gt;.precision.&lt;label&gt; | .recall.&lt;label&gt; | .f1.&lt;label&gt;
 *   extraction.&lt;field&gt;.accuracy | extraction.exact_match
 *   routing.accuracy
 *   check.&lt;name&gt;.pass_rate                 (a CEL check of the suite)
 *   policy.rejection_rate | policy.leak_rate  (any suite; lower is better)
 *   judge.&lt;name&gt;.pass_rate | judge.&lt;name&gt;.mean_score   (a model-graded judge of the suite)
 * </pre>
 * Field names hold no dot; a label may. {@code field} and {@code label} are null where the form has none.
 */
public record MetricName(String text, Family family, String field, Statistic statistic, String label) {

    public enum Family { CLASSIFICATION, EXTRACTION, ROUTING, CHECK, POLICY, JUDGE }

    public enum Statistic { ACCURACY, MACRO_F1, PRECISION, RECALL, F1, EXACT_MATCH, PASS_RATE, REJECTION_RATE, LEAK_RATE, MEAN_SCORE }

    /** @throws IllegalArgumentException with a message saying what is expected */
    public static MetricName parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a metric gate needs a metric name");
        }
        if (text.equals("routing.accuracy")) {
            return new MetricName(text, Family.ROUTING, null, Statistic.ACCURACY, null);
        }
        if (text.equals("policy.rejection_rate")) {
            return new MetricName(text, Family.POLICY, null, Statistic.REJECTION_RATE, null);
        }
        if (text.equals("policy.leak_rate")) {
            return new MetricName(text, Family.POLICY, null, Statistic.LEAK_RATE, null);
        }
        if (text.equals("extraction.exact_match")) {
            return new MetricName(text, Family.EXTRACTION, null, Statistic.EXACT_MATCH, null);
        }
        String[] parts = text.split("\\.", 4);
        if (parts.length == 3 && parts[0].equals("check") && parts[2].equals("pass_rate") && !parts[1].isEmpty()) {
            return new MetricName(text, Family.CHECK, parts[1], Statistic.PASS_RATE, null);
        }
        if (parts.length == 3 && parts[0].equals("judge") && !parts[1].isEmpty()) {
            if (parts[2].equals("pass_rate")) return new MetricName(text, Family.JUDGE, parts[1], Statistic.PASS_RATE, null);
            if (parts[2].equals("mean_score")) return new MetricName(text, Family.JUDGE, parts[1], Statistic.MEAN_SCORE, null);
        }
        if (parts.length == 3 && parts[0].equals("extraction") && parts[2].equals("accuracy") && !parts[1].isEmpty()) {
            return new MetricName(text, Family.EXTRACTION, parts[1], Statistic.ACCURACY, null);
        }
        if (parts.length >= 3 && parts[0].equals("classification") && !parts[1].isEmpty()) {
            if (parts.length == 3 && parts[2].equals("accuracy")) {
                return new MetricName(text, Family.CLASSIFICATION, parts[1], Statistic.ACCURACY, null);
            }
            if (parts.length == 3 && parts[2].equals("macro_f1")) {
                return new MetricName(text, Family.CLASSIFICATION, parts[1], Statistic.MACRO_F1, null);
            }
            if (parts.length == 4 && !parts[3].isEmpty()) {
                switch (parts[2]) {
                    case "precision": return new MetricName(text, Family.CLASSIFICATION, parts[1], Statistic.PRECISION, parts[3]);
                    case "recall": return new MetricName(text, Family.CLASSIFICATION, parts[1], Statistic.RECALL, parts[3]);
                    case "f1": return new MetricName(text, Family.CLASSIFICATION, parts[1], Statistic.F1, parts[3]);
                    default: break;
                }
            }
        }
        throw new IllegalArgumentException("unknown metric '" + text + "': expected classification.<field>.accuracy, "
                + "classification.<field>.macro_f1, classification.<field>.precision|recall|f1.<label>, "
                + "extraction.<field>.accuracy, extraction.exact_match, routing.accuracy, check.<name>.pass_rate, "
                + "judge.<name>.pass_rate, judge.<name>.mean_score, policy.rejection_rate or policy.leak_rate");
    }

    /** Accuracies are means of per-case 0/1 outcomes, so McNemar's test applies to them. */
    public boolean isAccuracy() {
        return statistic == Statistic.ACCURACY || statistic == Statistic.EXACT_MATCH || statistic == Statistic.PASS_RATE;
    }

    /** Rates of bad outcomes (rejections, leaks): gates hold them to a maximum, and a rise is the regression. */
    public boolean lowerIsBetter() {
        return family == Family.POLICY;
    }
}
