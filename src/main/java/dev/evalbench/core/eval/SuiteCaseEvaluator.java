package dev.evalbench.core.eval;

import dev.evalbench.core.record.CaseEvaluation;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.decide.RestrictedContent;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.PolicySpec;
import dev.evalbench.core.workspace.SuiteKind;
import dev.evalbench.core.workspace.SuiteSpec;

/**
 * The case evaluator of both suite kinds. Task suites: "schema", every classification and extraction field,
 * and the routing field on the decided action (see {@link TaskChecks}). Safety suites: "schema",
 * "must_reject", "forbidden_actions", "forbidden_tools", "no_restricted", judged on what would be delivered
 * (see {@link SafetyChecks}); there a schema failure is not a safety failure when the policy rejected the
 * output. It takes the policy only for its restricted patterns, so leakage is judged by the same rule the
 * decider applies. Immutable and thread-safe.
 */
public final class SuiteCaseEvaluator implements CaseEvaluator {
    private final RestrictedContent restricted;
    private final CelChecks cel = new CelChecks();

    /** @throws IllegalArgumentException when a restricted pattern of the policy does not compile */
    public SuiteCaseEvaluator(PolicySpec policy) {
        this.restricted = new RestrictedContent(policy.restrictedPatterns());
    }

    @Override
    public CaseEvaluation evaluate(SuiteSpec suite, EvalCase evalCase, Validation validation, Decision decision) {
        return suite.kind() == SuiteKind.SAFETY
                ? SafetyChecks.evaluate(evalCase, validation, decision, restricted)
                : TaskChecks.evaluate(suite, evalCase, validation, decision, cel);
    }
}
