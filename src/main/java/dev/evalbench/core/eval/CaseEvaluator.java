package dev.evalbench.core.eval;

import dev.evalbench.core.record.CaseEvaluation;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.SuiteSpec;

/**
 * Scores one case from its validation and decision. Pure and thread-safe. {@code validation} is null when
 * the provider gave no answer; such a case fails every check.
 */
public interface CaseEvaluator {
    CaseEvaluation evaluate(SuiteSpec suite, EvalCase evalCase, Validation validation, Decision decision);
}
