package dev.evalbench.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.cel.CompiledExpression;
import dev.evalbench.core.cel.ExpressionException;
import dev.evalbench.core.cel.ExpressionScope;
import dev.evalbench.core.cel.ExpressionValues;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.workspace.CheckSpec;
import dev.evalbench.core.workspace.EvalCase;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a task suite's CEL checks on one case. Each check is the case check {@code check.<name>}: it passes
 * when its expression is true over {@code output} (the schema-valid output), {@code expected}, {@code vars}
 * and {@code decision}. It fails when the expression is false, when it cannot be evaluated (a missing field,
 * a null where a number was needed: the failure quotes CEL's message) and when there is no valid output to
 * check. Expressions were type-checked against the output schema at load; here they are compiled once over
 * open objects (the values are the same either way) and kept. Thread-safe.
 */
final class CelChecks {
    /** Built when the first check compiles: a suite without checks never builds CEL's runtime (tens of ms). */
    private static final class Scope {
        static final ExpressionScope CHECKS = ExpressionScope.forChecks(null);
    }

    private final Map<String, Object> compiled = new ConcurrentHashMap<>();

    /** One check's outcome; {@code failure} is null when it passed. */
    record Outcome(String key, boolean passed, String failure) {}

    Outcome run(CheckSpec check, EvalCase evalCase, JsonNode output, boolean answered, Decision decision) {
        String key = check.checkKey();
        if (output == null) {
            return new Outcome(key, false, answered ? key + ": no valid output to check." : null);
        }
        Object program = compiled.computeIfAbsent(check.expr(), CelChecks::compile);
        if (program instanceof ExpressionException e) {
            return new Outcome(key, false, key + ": the expression does not compile: " + e.getMessage());
        }
        Map<String, Object> values = new HashMap<>();
        values.put("output", ExpressionValues.of(output));
        values.put("expected", ExpressionValues.of(evalCase.expected()));
        values.put("vars", ExpressionValues.of(evalCase.vars()));
        values.put("decision", ExpressionValues.of(decision));
        try {
            boolean ok = ((CompiledExpression) program).test(values);
            return new Outcome(key, ok, ok ? null : key + ": false (" + check.expr() + ").");
        } catch (ExpressionException e) {
            return new Outcome(key, false, key + ": could not be evaluated: " + e.getMessage());
        }
    }

    private static Object compile(String expr) {
        try {
            return Scope.CHECKS.compile(expr);
        } catch (ExpressionException e) {
            return e;
        }
    }
}
