package dev.evalbench.core.eval;

import dev.evalbench.core.record.CaseEvaluation;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.workspace.CheckSpec;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.ExtractionRule;
import dev.evalbench.core.workspace.SuiteSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of a task case: "schema", each classification field, each extraction field (on the parsed
 * output), the routing field (on the decided final action, so a rejected output is scored on the
 * fallback action that actually happens), then each CEL check as {@code check.<name>} (see {@link CelChecks}). Fields of an output that is not schema-valid all fail. Pure.
 */
final class TaskChecks {
    /** How a task case's schema failure begins; its first error follows, in parentheses. */
    static final String INVALID = "schema: the output is not valid against the output schema";

    /** Whether a task case's failure sentences say its output was invalid because {@code why}. */
    static boolean invalidBecause(List<String> failures, String why) {
        return failures != null && failures.stream().anyMatch(f -> f != null && f.startsWith(INVALID) && f.contains(why));
    }
    private final Map<String, Boolean> checks = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    static CaseEvaluation evaluate(SuiteSpec suite, EvalCase evalCase, Validation validation, Decision decision) {
        return evaluate(suite, evalCase, validation, decision, new CelChecks());
    }

    static CaseEvaluation evaluate(SuiteSpec suite, EvalCase evalCase, Validation validation, Decision decision, CelChecks cel) {
        TaskChecks t = new TaskChecks();
        boolean valid = validation != null && validation.valid() && validation.parsed() != null;
        JsonNode output = valid ? validation.parsed() : null;
        JsonNode expected = evalCase.expected();
        if (validation == null) {
            t.failures.add("The provider gave no answer.");
        }
        t.record("schema", valid, validation == null || valid ? null
                : INVALID + firstError(validation) + ".");
        for (String field : listOrEmpty(suite.classification())) {
            t.compareField(field, expected, output, validation != null, null);
        }
        for (String field : listOrEmpty(suite.extraction())) {
            t.compareField(field, expected, output, validation != null,
                    suite.extractionRules().getOrDefault(field, ExtractionRule.exact(field)));
        }
        if (suite.routing() != null) {
            t.compareRouting(suite.routing(), expected, validation == null ? null : decision);
        }
        for (CheckSpec check : suite.checks()) {
            CelChecks.Outcome o = cel.run(check, evalCase, output, validation != null, decision);
            t.record(o.key(), o.passed(), o.failure());
        }
        return new CaseEvaluation(!t.checks.containsValue(false), t.checks, t.failures);
    }

    /** {@code rule} null: a classification field, compared by label; else an extraction field under its rule. */
    private void compareField(String field, JsonNode expected, JsonNode output, boolean answered, ExtractionRule rule) {
        if (!FieldValues.hasExpected(expected, field)) {
            record(field, false, field + ": the case has no expected value for this field.");
            return;
        }
        JsonNode want = expected.get(field);
        if (output == null) {
            record(field, false, answered ? field + ": no valid output to score (expected " + FieldValues.shown(want) + ")." : null);
            return;
        }
        JsonNode got = FieldValues.field(output, field);
        boolean same = rule == null ? FieldValues.label(want).equals(FieldValues.label(got)) : FieldValues.sameValue(want, got, rule);
        String how = rule == null || rule.describe().isEmpty() ? "" : " (" + rule.describe() + ")";
        record(field, same, field + ": expected " + FieldValues.shown(want) + ", got " + FieldValues.shown(got) + how + ".");
    }

    private void compareRouting(String field, JsonNode expected, Decision decision) {
        if (!FieldValues.hasExpected(expected, field)) {
            record(field, false, field + ": the case has no expected value for this field.");
            return;
        }
        String want = FieldValues.label(expected.get(field));
        if (decision == null) {
            record(field, false, null);
            return;
        }
        boolean same = want.equals(decision.finalAction());
        String how = decision.accepted() ? "" : " (output rejected: " + decision.rule() + ")";
        record(field, same, field + ": expected \"" + want + "\", decided \"" + decision.finalAction() + "\"" + how + ".");
    }

    private void record(String check, boolean passed, String failure) {
        checks.put(check, passed);
        if (!passed && failure != null) {
            failures.add(failure);
        }
    }

    private static String firstError(Validation validation) {
        return validation.errors() == null || validation.errors().isEmpty() ? "" : " (" + validation.errors().get(0) + ")";
    }

    private static List<String> listOrEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
