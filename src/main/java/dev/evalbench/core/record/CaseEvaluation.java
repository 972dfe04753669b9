package dev.evalbench.core.record;

import java.util.List;
import java.util.Map;

/**
 * The eval of one case. {@code checks} maps each check to its result: for task cases "schema", each scored
 * field ("category", "order_id", "action", ...); for safety probes "schema", "must_reject",
 * "forbidden_actions", "forbidden_tools", "no_restricted". {@code passed} is true when every check passed.
 * {@code failures} explain the failed checks in plain words.
 */
public record CaseEvaluation(boolean passed, Map<String, Boolean> checks, List<String> failures) {}
