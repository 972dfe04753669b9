package dev.evalbench.core.workspace;

import dev.evalbench.core.cel.ExpressionException;
import dev.evalbench.core.cel.ExpressionScope;

/**
 * Type-checks a task suite's CEL checks when the workspace loads, against the output schema of the suite's
 * prompt ({@link ExpressionScope#forChecks}): a syntax error, an unknown output field or a type error is an
 * {@link InputError} at the expression's line and column in evalbench.yaml, so a typo never waits for a run.
 */
final class SuiteCheckTypes {
    private SuiteCheckTypes() {}

    static void check(LoadContext ctx, Manifest manifest, Manifest.SuiteDecl suite, PromptTemplate prompt) {
        // A stored run's own checks, read to gate it: type-checked when it was made, and never evaluated now.
        // Made again they would load CEL, about a third of the classes `compare` of a stored run loads.
        if (suite.checks().isEmpty() || prompt == null || ctx.checkedByItsRun()) return;
        ExpressionScope scope = ExpressionScope.forChecks(prompt.outputSchema());
        for (int i = 0; i < suite.checks().size(); i++) {
            CheckSpec check = suite.checks().get(i);
            try {
                scope.compile(check.expr());
            } catch (ExpressionException e) {
                ctx.add(ExpressionPlaces.error(manifest.tree(), manifest.text(), suite.pointer() + "/checks/" + i + "/expr", e,
                        "check \"" + check.name() + "\" of suite \"" + suite.name() + "\""));
            }
        }
    }
}
