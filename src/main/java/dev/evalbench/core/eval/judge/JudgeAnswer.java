package dev.evalbench.core.eval.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.eval.OutputValidator;
import dev.evalbench.core.eval.Validation;

/**
 * A judge's raw answer read strictly against its rubric's output schema: exactly one JSON value, nothing
 * repaired, {@code score} an integer within the schema's bounds and {@code reason} a string (the schema says
 * so, and the workspace loader made sure it does). Either {@code score}/{@code reason} or {@code problem}
 * is set. Pure.
 */
record JudgeAnswer(Integer score, String reason, String problem) {

    static JudgeAnswer read(String raw, JsonNode schema, OutputValidator validator) {
        Validation v = validator.validate(raw, schema);
        if (!v.valid()) {
            String why = v.errors().isEmpty() ? "it does not satisfy the judge's schema" : String.join("; ", v.errors());
            return new JudgeAnswer(null, null, "the judge's answer is not valid: " + why);
        }
        JsonNode score = v.parsed().get("score");
        JsonNode reason = v.parsed().get("reason");
        // The loader requires both in the schema; a schema edited since (a stored snapshot) is still refused here.
        if (score == null || !score.canConvertToInt() || !score.isIntegralNumber() || reason == null || !reason.isTextual()) {
            return new JudgeAnswer(null, null, "the judge's answer lacks an integer \"score\" and a string \"reason\"");
        }
        return new JudgeAnswer(score.intValue(), reason.textValue(), null);
    }
}
