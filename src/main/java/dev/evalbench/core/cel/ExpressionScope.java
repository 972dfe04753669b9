package dev.evalbench.core.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The names a CEL expression may use, and the compiler that checks it against them. Three scopes exist:
 * <ul>
 *   <li>checks ({@link #forChecks}): {@code output} and {@code expected} (typed from the output schema),
 *       {@code vars} ({@code map(string, dyn)}) and {@code decision} (accepted, proposed_action,
 *       final_action, rule, reason);</li>
 *   <li>policy rules ({@link #forRules}): {@code output} and {@code vars} only, because a policy decides in
 *       production where there is no expected value and no decision yet;</li>
 *   <li>a judge's {@code pass} ({@link #forJudges}): {@code score} ({@code int}) and {@code reason}
 *       ({@code string}), the judge's answer.</li>
 * </ul>
 * Every expression must be of type bool. The standard macros ({@code has}, {@code all}, {@code exists},
 * {@code map}, {@code filter}) are on, and numbers compare across int and double ({@code output.total > 5000}
 * as well as {@code > 5000.0}). Immutable and thread-safe; compiled programs are too.
 */
public final class ExpressionScope {
    /**
     * Iterations of comprehensions an evaluation may make. An expression is the author's and the lists it walks
     * the model's: a rule that compares every item with every other ({@code output.items.all(a,
     * output.items.exists(...))}) over the 200,000 items a 1 MB answer can hold would run for hours. Past the
     * limit the evaluation fails, and a rule or check that cannot be evaluated fails closed.
     */
    static final int MAX_ITERATIONS = 1_000_000;
    private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true)
            .comprehensionMaxIterations(MAX_ITERATIONS).build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

    private final CelCompiler compiler;

    private ExpressionScope(CelCompiler compiler) {
        this.compiler = compiler;
    }

    /** The scope of suite checks; {@code outputSchema} null gives open objects (any field name checks). */
    public static ExpressionScope forChecks(JsonNode outputSchema) {
        CelType output = ExpressionTypes.output(outputSchema);
        CelType decision = ExpressionTypes.decision();
        return new ExpressionScope(builder(output, decision)
                .addVar("output", output).addVar("expected", output)
                .addVar("vars", ExpressionTypes.OPEN_OBJECT).addVar("decision", decision).build());
    }

    /** The scope of policy rules; {@code outputSchema} null gives an open object. */
    public static ExpressionScope forRules(JsonNode outputSchema) {
        CelType output = ExpressionTypes.output(outputSchema);
        return new ExpressionScope(builder(output)
                .addVar("output", output).addVar("vars", ExpressionTypes.OPEN_OBJECT).build());
    }

    /** The scope of a judge's {@code pass} expression: {@code score} (an int) and {@code reason} (a string). */
    public static ExpressionScope forJudges() {
        return new ExpressionScope(builder().addVar("score", SimpleType.INT).addVar("reason", SimpleType.STRING).build());
    }

    /**
     * Parses and type-checks a boolean expression.
     *
     * @throws ExpressionException with the 1-based line and column of the first problem inside {@code expr}
     */
    public CompiledExpression compile(String expr) throws ExpressionException {
        try {
            return new CompiledExpression(expr, RUNTIME.createProgram(compiler.compile(expr).getAst()));
        } catch (CelValidationException e) {
            CelIssue first = e.getErrors().isEmpty() ? null : e.getErrors().get(0);
            if (first == null) throw new ExpressionException(0, 0, e.getMessage());
            int line = first.getSourceLocation().getLine();
            int column = first.getSourceLocation().getColumn();
            // CEL reports columns from 0 (and -1 when it has none); people and editors count from 1
            throw new ExpressionException(Math.max(line, 0), column < 0 ? 0 : column + 1, first.getMessage());
        } catch (CelEvaluationException e) {
            throw new ExpressionException(0, 0, e.getMessage());
        }
    }

    private static CelCompilerBuilder builder(CelType... structs) {
        List<CelType> types = new ArrayList<>();
        for (CelType t : structs) if (t != ExpressionTypes.OPEN_OBJECT) types.add(t);
        return CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setTypeProvider(ExpressionTypes.provider(types))
                .setResultType(SimpleType.BOOL);
    }
}
