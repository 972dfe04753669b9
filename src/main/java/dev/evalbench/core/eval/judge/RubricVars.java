package dev.evalbench.core.eval.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.template.TemplateVars;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.JudgeSpec;
import java.util.Map;

/**
 * The variables a judge's rubric is rendered with: {@code vars} (the case's template variables, after
 * preprocessing), {@code output} (the whole schema-valid output), {@code expected} (the case's expected
 * values, an empty object when it has none), {@code field} (the judged field's name) and {@code value} (that
 * field's value: its text for a string, its JSON otherwise, empty for a missing field). Nested under their
 * own names so a case variable can never shadow the judged value. Pure.
 */
final class RubricVars {
    private RubricVars() {}

    static Map<String, Object> of(JudgeSpec judge, EvalCase evalCase, JsonNode output) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("vars", evalCase.vars() == null ? root.objectNode() : evalCase.vars());
        root.set("output", output);
        root.set("expected", evalCase.expected() == null ? root.objectNode() : evalCase.expected());
        root.put("field", judge.field());
        JsonNode value = output.get(judge.field());
        root.put("value", value == null || value.isNull() ? "" : value.isTextual() ? value.textValue() : value.toString());
        return TemplateVars.of(root);
    }
}
