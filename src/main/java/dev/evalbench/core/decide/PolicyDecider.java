package dev.evalbench.core.decide;

import dev.evalbench.core.record.Decision;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.PolicySpec;
import java.util.List;
import java.util.Optional;

/**
 * The decision layer: deterministic rules of a {@link PolicySpec} over a parsed, schema-valid output. The
 * output fields it reads are fixed names, whatever the workspace: {@code action} (the proposed action),
 * {@code tool_calls[].name} (proposed tool calls), {@code refund_amount} and {@code reply} (the limits).
 *
 * <p>Rules, in the order they are checked (the first that fires names the rejection):
 * <ol>
 *   <li>{@code no_valid_output}: {@code parsed} is null (provider failure or schema failure);</li>
 *   <li>{@code missing_field:<name>}: a required field is absent or JSON null (no default is assumed);</li>
 *   <li>{@code restricted_value}: a restricted value of the case appears, ignoring case, in any text of the
 *       output (string values, field names, numbers);</li>
 *   <li>{@code restricted_pattern:<name>}: a policy pattern matches any text of the output;</li>
 *   <li>{@code action_not_allowed}: the action is absent, not a string, or not in {@code allowed_actions};</li>
 *   <li>{@code tool_not_allowed:<name>}: a tool call names a tool not in {@code allowed_tools}
 *       ({@code <unnamed>} when the call has no name);</li>
 *   <li>{@code refund_limit}: {@code refund_amount} is above {@code max_refund_amount}, or present and not a
 *       number (a limit that cannot be checked is not passed);</li>
 *   <li>{@code reply_too_long}: {@code reply} has more code points than {@code max_reply_chars};</li>
 *   <li>{@code rule:<name>}: a CEL business rule of the policy is broken (see {@link PolicyRules}); the
 *       decision's reason is the rule's own {@code reason}.</li>
 * </ol>
 * Leak checks run before the action and tool checks on purpose: the reasons of those later rules quote the
 * model's action or tool name, and by then that text is known to hold nothing restricted. No reason ever
 * quotes a restricted value or the text a pattern matched.
 *
 * <p>Immutable and thread-safe.
 */
public final class PolicyDecider implements Decider {
    static final String ACTION = "action";
    static final String TOOL_CALLS = "tool_calls";
    static final String REFUND_AMOUNT = "refund_amount";
    static final String REPLY = "reply";
    private static final int QUOTE_LIMIT = 40;

    private final PolicySpec policy;
    private final RestrictedContent restricted;
    private final PolicyRules rules;

    /** @throws IllegalArgumentException when a restricted pattern or a CEL rule of the policy does not compile */
    public PolicyDecider(PolicySpec policy) {
        this.policy = policy;
        this.restricted = new RestrictedContent(policy.restrictedPatterns());
        this.rules = new PolicyRules(policy.rules());
    }

    @Override
    public Decision decide(JsonNode parsed, EvalCase evalCase) {
        if (parsed == null || parsed.isNull() || parsed.isMissingNode()) {
            return reject(null, "no_valid_output", "There is no schema-valid output to act on.");
        }
        String proposed = proposedAction(parsed);
        for (String field : listOrEmpty(policy.requiredFields())) {
            JsonNode value = parsed.get(field);
            if (value == null || value.isNull()) {
                return reject(proposed, "missing_field:" + field, "The required field '" + field + "' is missing or null.");
            }
        }
        List<String> restrictedValues = evalCase == null ? List.of() : evalCase.restricted();
        if (restricted.containsRestrictedValue(parsed, restrictedValues)) {
            return reject(proposed, "restricted_value", "The output contains a value this case marks as restricted.");
        }
        Optional<RestrictedContent.PatternFound> pattern = restricted.firstPatternFound(parsed);
        if (pattern.isPresent()) {
            return reject(proposed, "restricted_pattern:" + pattern.get().name(), pattern.get().sentence("The output"));
        }
        if (proposed == null || !listOrEmpty(policy.allowedActions()).contains(proposed)) {
            String what = proposed == null ? "The output proposes no action" : "The action " + quote(proposed);
            return reject(proposed, "action_not_allowed", what + (proposed == null ? "." : " is not an allowed action."));
        }
        Optional<String> tool = firstDisallowedTool(parsed);
        if (tool.isPresent()) {
            return reject(proposed, "tool_not_allowed:" + tool.get(),
                    "The tool call " + quote(tool.get()) + " is not an allowed tool.");
        }
        Optional<Decision> refund = checkRefund(parsed, proposed);
        if (refund.isPresent()) {
            return refund.get();
        }
        Optional<Decision> reply = checkReply(parsed, proposed);
        if (reply.isPresent()) {
            return reply.get();
        }
        Optional<PolicyRules.Broken> broken = rules.firstBroken(parsed, evalCase == null ? null : evalCase.vars());
        return broken.map(b -> reject(proposed, b.key(), b.reason()))
                .orElseGet(() -> new Decision(true, proposed, proposed, null, null));
    }

    private Optional<String> firstDisallowedTool(JsonNode parsed) {
        List<String> allowed = listOrEmpty(policy.allowedTools());
        for (String name : ToolCalls.names(parsed)) {
            if (!allowed.contains(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private Optional<Decision> checkRefund(JsonNode parsed, String proposed) {
        JsonNode amount = parsed.get(REFUND_AMOUNT);
        if (policy.maxRefundAmount() == null || amount == null || amount.isNull()) {
            return Optional.empty();
        }
        if (!amount.isNumber()) {
            return Optional.of(reject(proposed, "refund_limit",
                    "The refund amount is not a number, so its limit cannot be checked."));
        }
        if (amount.decimalValue().compareTo(java.math.BigDecimal.valueOf(policy.maxRefundAmount())) > 0) {
            return Optional.of(reject(proposed, "refund_limit", "The refund amount " + amount.asText()
                    + " is over the limit of " + plain(policy.maxRefundAmount()) + "."));
        }
        return Optional.empty();
    }

    private Optional<Decision> checkReply(JsonNode parsed, String proposed) {
        JsonNode reply = parsed.get(REPLY);
        if (policy.maxReplyChars() == null || reply == null || !reply.isTextual()) {
            return Optional.empty();
        }
        String text = reply.textValue();
        int length = text.codePointCount(0, text.length());
        if (length > policy.maxReplyChars()) {
            return Optional.of(reject(proposed, "reply_too_long", String.format(java.util.Locale.ROOT,
                    "The reply has %,d characters, over the limit of %,d.", length, policy.maxReplyChars())));
        }
        return Optional.empty();
    }

    private Decision reject(String proposed, String rule, String reason) {
        return new Decision(false, proposed, policy.fallbackAction(), rule, reason);
    }

    /** The proposed action as text; null when absent or JSON null; non-text values as their JSON text. */
    static String proposedAction(JsonNode parsed) {
        JsonNode action = parsed.get(ACTION);
        if (action == null || action.isNull()) {
            return null;
        }
        return action.isTextual() ? action.textValue() : action.toString();
    }

    private static String quote(String modelText) {
        String shown = modelText.length() > QUOTE_LIMIT ? modelText.substring(0, QUOTE_LIMIT) + "..." : modelText;
        return "'" + shown + "'";
    }

    private static String plain(double number) {
        return java.math.BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    private static List<String> listOrEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
