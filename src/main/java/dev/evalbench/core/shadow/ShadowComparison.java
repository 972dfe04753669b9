package dev.evalbench.core.shadow;

import dev.evalbench.core.gate.stats.Percentiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares a shadow run with what production did, request by request (matched by request id): agreement of
 * validation and decision, the flips (validation first, valid to invalid before invalid to valid, then decisions),
 * per-field difference rates judged against the calibration noise ({@link FieldDifference}), and the p95
 * latency and mean cost of each side. Requests the shadow does not hold are left out. Pure.
 */
public final class ShadowComparison {
    /** Margins a field must exceed the noise by, in both senses, to be flagged. */
    public record Margins(double absolute, double relative) {
        public static final Margins DEFAULTS = new Margins(0.05, 0.5);
    }

    public record Result(int compared, double validationAgreement, double decisionAgreement, List<ShadowFlip> flips,
                         List<FieldDifference> fields, double productionP95Ms, double candidateP95Ms,
                         double productionMeanCost, double candidateMeanCost, boolean calibrated) {
        public List<FieldDifference> flagged() {
            return fields.stream().filter(FieldDifference::flagged).toList();
        }
    }

    private ShadowComparison() {}

    /** @param secondary production's path run again on the same inputs (calibration), or null */
    public static Result compare(List<ShadowAnswer> production, List<ShadowAnswer> candidate, List<ShadowAnswer> secondary, Margins margins) {
        Map<String, ShadowAnswer> cand = byId(candidate);
        Map<String, ShadowAnswer> sec = secondary == null ? Map.of() : byId(secondary);
        List<ShadowAnswer> prod = production.stream().filter(p -> cand.containsKey(p.id())).toList();
        TreeSet<String> names = new TreeSet<>(Comparator.comparing((String f) -> !f.equals(ShadowAnswer.VALIDATION))
                .thenComparing(f -> !f.equals(ShadowAnswer.DECISION)).thenComparing(Function.identity()));
        prod.forEach(p -> names.addAll(p.fields().keySet()));
        prod.forEach(p -> names.addAll(cand.get(p.id()).fields().keySet()));
        List<FieldDifference> fields = new ArrayList<>();
        for (String field : names) {
            int differs = 0;
            int noise = 0;
            int calibrated = 0;
            for (ShadowAnswer p : prod) {
                if (!p.value(field).equals(cand.get(p.id()).value(field))) differs++;
                ShadowAnswer s = sec.get(p.id());
                if (s != null) {
                    calibrated++;
                    if (!p.value(field).equals(s.value(field))) noise++;
                }
            }
            double rate = prod.isEmpty() ? 0 : (double) differs / prod.size();
            double noiseRate = calibrated == 0 ? 0 : (double) noise / calibrated;
            boolean flagged = rate - noiseRate >= margins.absolute() && rate >= noiseRate * (1 + margins.relative());
            fields.add(new FieldDifference(field, prod.size(), differs, rate, secondary == null ? null : noise, noiseRate, flagged));
        }
        List<ShadowFlip> flips = new ArrayList<>();
        for (String field : List.of(ShadowAnswer.VALIDATION, ShadowAnswer.DECISION)) {
            prod.stream().filter(p -> !p.value(field).equals(cand.get(p.id()).value(field)))
                    .map(p -> new ShadowFlip(p.id(), field, p.value(field), cand.get(p.id()).value(field)))
                    .sorted(Comparator.comparing((ShadowFlip f) -> !"valid".equals(f.production())).thenComparing(ShadowFlip::id))
                    .forEach(flips::add);
        }
        return new Result(prod.size(), agreement(prod, cand, ShadowAnswer.VALIDATION), agreement(prod, cand, ShadowAnswer.DECISION),
                flips, fields, p95(prod), p95(prod.stream().map(p -> cand.get(p.id())).toList()), meanCost(prod),
                meanCost(prod.stream().map(p -> cand.get(p.id())).toList()), secondary != null);
    }

    private static Map<String, ShadowAnswer> byId(List<ShadowAnswer> answers) {
        return answers.stream().collect(Collectors.toMap(ShadowAnswer::id, a -> a, (a, b) -> a));
    }

    private static double agreement(List<ShadowAnswer> prod, Map<String, ShadowAnswer> cand, String field) {
        if (prod.isEmpty()) return 0;
        return (double) prod.stream().filter(p -> p.value(field).equals(cand.get(p.id()).value(field))).count() / prod.size();
    }

    private static double p95(List<ShadowAnswer> answers) {
        return answers.isEmpty() ? 0 : Percentiles.p95(answers.stream().mapToDouble(ShadowAnswer::latencyMs).toArray());
    }

    private static double meanCost(List<ShadowAnswer> answers) {
        return answers.stream().mapToDouble(ShadowAnswer::costUsd).average().orElse(0);
    }
}
