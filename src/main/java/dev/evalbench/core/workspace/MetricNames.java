package dev.evalbench.core.workspace;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.TreeSet;

/**
 * The metric names a metric gate may read from a task suite, and why a name is not one of them:
 * {@code classification.<field>.accuracy|macro_f1}, {@code classification.<field>.precision|recall|f1.<label>},
 * {@code extraction.<field>.accuracy}, {@code extraction.exact_match}, {@code routing.accuracy}, where
 * {@code <field>} is a field the suite scores and {@code <label>} a label its dataset expects.
 */
final class MetricNames {
    private static final String FORMS = "classification.<field>.accuracy, classification.<field>.macro_f1, "
            + "classification.<field>.precision.<label>, classification.<field>.recall.<label>, "
            + "classification.<field>.f1.<label>, extraction.<field>.accuracy, extraction.exact_match, routing.accuracy, "
            + "check.<name>.pass_rate, judge.<name>.pass_rate, judge.<name>.mean_score, policy.rejection_rate, policy.leak_rate";

    private MetricNames() {}

    /**
     * Empty when {@code metric} is valid for the suite; else what is wrong. {@code labels} gives each
     * classification field's labels its cases expect (null when unknown, which skips the label check); it is
     * asked only for a metric that names a label. {@code labels} itself may be null for a suite without them.
     */
    static Optional<String> problem(String metric, Manifest.SuiteDecl suite, Supplier<Map<String, Set<String>>> labels) {
        String[] parts = metric.split("\\.", -1);
        switch (parts[0]) {
            case "classification":
                return classification(metric, parts, suite, labels);
            case "extraction":
                if (parts.length == 2 && parts[1].equals("exact_match")) {
                    return suite.extraction().isEmpty() ? notScored(metric, suite, "extraction fields") : Optional.empty();
                }
                if (parts.length == 3 && parts[2].equals("accuracy")) {
                    return field(parts[1], suite.extraction(), "extraction", suite);
                }
                return unknown(metric, suite);
            case "policy":
                return parts.length == 2 && (parts[1].equals("rejection_rate") || parts[1].equals("leak_rate"))
                        ? Optional.empty() : unknown(metric, suite);
            case "check":
                if (parts.length == 3 && parts[2].equals("pass_rate")) {
                    if (suite.checks().stream().anyMatch(c -> c.name().equals(parts[1]))) return Optional.empty();
                    return Optional.of("suite \"" + suite.name() + "\" has no check named \"" + parts[1] + "\" (checks: "
                            + (suite.checks().isEmpty() ? "none" : String.join(", ", suite.checks().stream().map(CheckSpec::name).toList())) + ")");
                }
                return unknown(metric, suite);
            case "judge":
                if (parts.length == 3 && (parts[2].equals("pass_rate") || parts[2].equals("mean_score"))) {
                    if (suite.judges().stream().anyMatch(j -> j.name().equals(parts[1]))) return Optional.empty();
                    return Optional.of("suite \"" + suite.name() + "\" has no judge named \"" + parts[1] + "\" (judges: "
                            + (suite.judges().isEmpty() ? "none" : String.join(", ", suite.judges().stream().map(JudgeSpec::name).toList())) + ")");
                }
                return unknown(metric, suite);
            case "routing":
                if (parts.length == 2 && parts[1].equals("accuracy")) {
                    return suite.routing() == null ? notScored(metric, suite, "a routing field") : Optional.empty();
                }
                return unknown(metric, suite);
            default:
                return unknown(metric, suite);
        }
    }

    private static Optional<String> classification(String metric, String[] parts, Manifest.SuiteDecl suite,
                                                    Supplier<Map<String, Set<String>>> labelsOfCases) {
        if (parts.length == 3 && (parts[2].equals("accuracy") || parts[2].equals("macro_f1"))) {
            return field(parts[1], suite.classification(), "classification", suite);
        }
        if (parts.length >= 4 && Set.of("precision", "recall", "f1").contains(parts[2])) {
            Optional<String> fieldProblem = field(parts[1], suite.classification(), "classification", suite);
            if (fieldProblem.isPresent()) return fieldProblem;
            // labels may contain dots, so everything after the statistic is the label
            String label = metric.substring(("classification." + parts[1] + "." + parts[2] + ".").length());
            Map<String, Set<String>> labels = labelsOfCases == null ? null : labelsOfCases.get();
            if (labels == null) return Optional.empty();
            Set<String> known = labels.getOrDefault(parts[1], Set.of());
            if (!known.contains(label)) {
                return Optional.of("label \"" + label + "\" is never expected for \"" + parts[1] + "\" in suite \""
                        + suite.name() + "\" (labels: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
            return Optional.empty();
        }
        return unknown(metric, suite);
    }

    private static Optional<String> field(String field, List<String> fields, String kind, Manifest.SuiteDecl suite) {
        if (fields.contains(field)) return Optional.empty();
        return Optional.of("suite \"" + suite.name() + "\" does not score \"" + field + "\" as " + kind + " ("
                + kind + " fields: " + (fields.isEmpty() ? "none" : String.join(", ", fields)) + ")");
    }

    private static Optional<String> notScored(String metric, Manifest.SuiteDecl suite, String what) {
        return Optional.of("metric \"" + metric + "\" needs " + what + ", and suite \"" + suite.name() + "\" has none");
    }

    private static Optional<String> unknown(String metric, Manifest.SuiteDecl suite) {
        String near = dev.evalbench.core.text.NearestNames.didYouMean(metric, named(suite));
        return Optional.of("unknown metric \"" + metric + "\" (" + near + "expected one of: " + FORMS + ")");
    }

    /** The metrics {@code suite} can be gated on, by name (labels left out): what a mistyped name may have meant. */
    private static List<String> named(Manifest.SuiteDecl suite) {
        List<String> names = new java.util.ArrayList<>(List.of("policy.rejection_rate", "policy.leak_rate"));
        suite.classification().forEach(f -> names.addAll(List.of("classification." + f + ".accuracy",
                "classification." + f + ".macro_f1")));
        suite.extraction().forEach(f -> names.add("extraction." + f + ".accuracy"));
        if (!suite.extraction().isEmpty()) names.add("extraction.exact_match");
        if (suite.routing() != null) names.add("routing.accuracy");
        suite.checks().forEach(c -> names.add("check." + c.name() + ".pass_rate"));
        suite.judges().forEach(j -> names.addAll(List.of("judge." + j.name() + ".pass_rate",
                "judge." + j.name() + ".mean_score")));
        return names;
    }
}
