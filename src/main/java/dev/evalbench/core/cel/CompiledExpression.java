package dev.evalbench.core.cel;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/**
 * A type-checked boolean CEL expression, ready to evaluate. Immutable and thread-safe. Evaluation is bounded
 * by CEL itself (no loops beyond comprehensions over the given values, no I/O), and its comprehensions to
 * {@link ExpressionScope#MAX_ITERATIONS} iterations, past which it cannot be evaluated.
 */
public final class CompiledExpression {
    private final String text;
    private final CelRuntime.Program program;

    CompiledExpression(String text, CelRuntime.Program program) {
        this.text = text;
        this.program = program;
    }

    public String text() {
        return text;
    }

    /**
     * The expression's value over the named values ({@link ExpressionValues} forms).
     *
     * @throws ExpressionException when it cannot be evaluated (a missing key, a null where a number was
     *     needed, a division by zero); the message is CEL's
     */
    public boolean test(Map<String, ?> values) throws ExpressionException {
        Object result;
        try {
            result = program.eval(values);
        } catch (CelEvaluationException e) {
            throw new ExpressionException(0, 0, e.getMessage());
        } catch (RuntimeException e) {
            // CEL reports some type confusions of dyn values as unchecked exceptions
            throw new ExpressionException(0, 0, String.valueOf(e.getMessage()));
        }
        if (!(result instanceof Boolean b)) {
            throw new ExpressionException(0, 0, "the expression gave " + result + ", not true or false");
        }
        return b;
    }
}
