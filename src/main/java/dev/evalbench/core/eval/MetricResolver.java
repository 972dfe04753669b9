package dev.evalbench.core.eval;

import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.workspace.ExtractionRule;
import dev.evalbench.core.workspace.SuiteSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Resolves gate metric names (see {@link MetricName}) to values over the stored records of one task suite,
 * and gives the per-case correctness behind accuracy metrics for paired tests. Fields must be scored by the
 * suite in the named role (a classification metric on a field the suite lists under classification).
 * Immutable and thread-safe.
 */
public final class MetricResolver {
    private final SuiteSpec suite;

    public MetricResolver(SuiteSpec suite) {
        this.suite = suite;
    }

    /**
     * The metric over these records.
     *
     * @throws IllegalArgumentException when the name is not a metric name
     * @throws MetricUnavailableException when it has no value here (no records, a field the suite does not
     *     score, a label no case expects or predicts, a record without the expected value)
     */
    public double value(String metric, List<? extends ScoredCase> records) throws MetricUnavailableException {
        MetricName name = MetricName.parse(metric);
        checkScored(name);
        if (records.isEmpty()) {
            throw new MetricUnavailableException("Suite " + suite.name() + " has no cases in this run.");
        }
        for (String field : fieldsNeeded(name)) {
            for (ScoredCase r : records) {
                if (!FieldValues.hasExpected(r.expected(), field)) {
                    throw new MetricUnavailableException("Case " + r.key().caseId() + " has no expected value for " + field + ".");
                }
            }
        }
        if (name.statistic() == MetricName.Statistic.MEAN_SCORE && JudgeMetrics.meanScore(records, name.field()).isEmpty()) {
            throw new MetricUnavailableException("Judge " + name.field() + " gave no score to any case of suite " + suite.name() + ".");
        }
        if (name.label() != null && !ClassificationMetrics.of(records, name.field()).knows(name.label())) {
            throw new MetricUnavailableException("No case expects or predicts " + name.field() + " '" + name.label() + "'.");
        }
        return resampleValue(name, records);
    }

    /**
     * The metric without the availability checks, for bootstrap resamples of records that passed
     * {@link #value}: a label missing from a resample scores 0. Records must not be empty.
     */
    public double resampleValue(MetricName name, List<? extends ScoredCase> records) {
        switch (name.family()) {
            case CHECK:
                return fraction(records, passes(name));
            case JUDGE:
                return name.statistic() == MetricName.Statistic.PASS_RATE
                        ? JudgeMetrics.passRate(records, name.field())
                        : JudgeMetrics.meanScore(records, name.field()).orElse(0.0);
            case POLICY:
                return fraction(records, name.statistic() == MetricName.Statistic.LEAK_RATE
                        ? PolicyOutcomes::leaked : PolicyOutcomes::rejected);
            case ROUTING:
                return RoutingMetrics.of(records, suite.routing()).accuracy();
            case EXTRACTION:
                ExtractionMetrics e = ExtractionMetrics.of(records,
                        name.field() == null ? suite.extraction() : List.of(name.field()), suite.extractionRules());
                return name.field() == null ? e.exactMatch() : e.accuracy(name.field());
            default:
                ClassificationMetrics c = ClassificationMetrics.of(records, name.field());
                switch (name.statistic()) {
                    case ACCURACY: return c.accuracy();
                    case MACRO_F1: return c.macroF1();
                    case PRECISION: return c.precision(name.label());
                    case RECALL: return c.recall(name.label());
                    default: return c.f1(name.label());
                }
        }
    }

    /** Per-case correctness for accuracy metrics (the 0/1 outcomes McNemar's test pairs); empty otherwise. */
    public Optional<Predicate<ScoredCase>> correctness(String metric) {
        MetricName name = MetricName.parse(metric);
        if (!name.isAccuracy()) {
            return Optional.empty();
        }
        switch (name.family()) {
            case CHECK:
                return Optional.of(passes(name));
            case JUDGE:
                return Optional.of(r -> JudgeMetrics.passed(r, name.field()));
            case ROUTING:
                return Optional.of(r -> CaseScores.routingCorrect(r, suite.routing()));
            case CLASSIFICATION:
                return Optional.of(r -> CaseScores.classificationCorrect(r, name.field()));
            default:
                List<String> fields = name.field() == null ? suite.extraction() : List.of(name.field());
                return Optional.of(r -> fields.stream().allMatch(f -> CaseScores.extractionCorrect(r, rule(f))));
        }
    }

    /** The 0/1 vector of {@link #correctness} over the records, in their order; empty for non-accuracies. */
    public Optional<int[]> correctnessVector(String metric, List<? extends ScoredCase> records) {
        return correctness(metric).map(p -> records.stream().mapToInt(r -> p.test(r) ? 1 : 0).toArray());
    }

    /** A case passed check {@code check.<name>}: the check is not among its failed ones. */
    private static Predicate<ScoredCase> passes(MetricName name) {
        String key = "check." + name.field();
        return r -> !r.failedChecks().contains(key);
    }

    private static double fraction(List<? extends ScoredCase> records, Predicate<ScoredCase> counted) {
        return (double) records.stream().filter(counted).count() / records.size();
    }

    private ExtractionRule rule(String field) {
        return suite.extractionRules().getOrDefault(field, ExtractionRule.exact(field));
    }

    private void checkScored(MetricName name) throws MetricUnavailableException {
        boolean scored;
        switch (name.family()) {
            case POLICY: scored = true; break;
            case CHECK: scored = suite.checks().stream().anyMatch(c -> c.name().equals(name.field())); break;
            case JUDGE: scored = suite.judge(name.field()).isPresent(); break;
            case ROUTING: scored = suite.routing() != null; break;
            case EXTRACTION: scored = name.field() == null ? !listOrEmpty(suite.extraction()).isEmpty()
                    : listOrEmpty(suite.extraction()).contains(name.field()); break;
            default: scored = listOrEmpty(suite.classification()).contains(name.field()); break;
        }
        if (!scored) {
            throw new MetricUnavailableException("Suite " + suite.name() + " does not score " + name.text() + ".");
        }
    }

    private List<String> fieldsNeeded(MetricName name) {
        if (name.family() == MetricName.Family.CHECK || name.family() == MetricName.Family.POLICY
                || name.family() == MetricName.Family.JUDGE) {
            return List.of();
        }
        if (name.family() == MetricName.Family.ROUTING) {
            return List.of(suite.routing());
        }
        return name.field() == null ? suite.extraction() : List.of(name.field());
    }

    private static List<String> listOrEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
