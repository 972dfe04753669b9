package dev.evalbench.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.workspace.ExtractionRule;
import java.math.BigDecimal;

/**
 * How scored fields are read and compared, shared by the case evaluator and the metrics so a stored verdict
 * and a recomputed metric can never disagree. Pure.
 *
 * <ul>
 *   <li>An output field that is absent reads as JSON null: "no value" and null are the same answer.
 *       An expected field that is absent is a dataset mistake and is reported, never scored as null.</li>
 *   <li>Classification fields compare by {@link #label}: the text of a string, {@code <null>} for null,
 *       the JSON text of anything else.</li>
 *   <li>Extraction fields compare by {@link #sameValue}: numbers by numeric value (5 equals 5.0), everything
 *       else by exact JSON equality (strings are case-sensitive); a field's {@link ExtractionRule} may first
 *       normalize both sides' strings and accept numbers within a tolerance ({@link #sameValue(JsonNode,
 *       JsonNode, ExtractionRule)}).</li>
 *   <li>Only a schema-valid output from a provider that answered is scored; anything else scores as wrong.</li>
 * </ul>
 */
public final class FieldValues {
    /** The predicted label of a case without a valid output. */
    public static final String INVALID = "<invalid>";
    public static final String NULL_LABEL = "<null>";

    private FieldValues() {}

    /** The field's value, JSON null when the node or the field is absent. */
    public static JsonNode field(JsonNode object, String name) {
        JsonNode value = object == null ? null : object.get(name);
        return value == null || value.isMissingNode() ? NullNode.getInstance() : value;
    }

    public static boolean hasExpected(JsonNode expected, String name) {
        return expected != null && expected.has(name);
    }

    public static String label(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return NULL_LABEL;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    public static boolean sameValue(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull() || a.isMissingNode();
        boolean bNull = b == null || b.isNull() || b.isMissingNode();
        if (aNull || bNull) {
            return aNull && bNull;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    /**
     * Extraction equality under a field's rule: string values of both sides go through its normalize steps,
     * then numbers within the tolerance ({@code |got - want| <= abs}, or {@code <= rel * |want|}) are equal,
     * computed in decimal so 1249.99 is within 0.01 of 1250.00. Otherwise as {@link #sameValue(JsonNode, JsonNode)}.
     */
    public static boolean sameValue(JsonNode want, JsonNode got, ExtractionRule rule) {
        if (rule == null) {
            return sameValue(want, got);
        }
        JsonNode a = normalized(want, rule);
        JsonNode b = normalized(got, rule);
        if (a != null && b != null && a.isNumber() && b.isNumber() && (rule.abs() != null || rule.rel() != null)) {
            BigDecimal diff = a.decimalValue().subtract(b.decimalValue()).abs();
            BigDecimal allowed = rule.abs() != null ? BigDecimal.valueOf(rule.abs())
                    : BigDecimal.valueOf(rule.rel()).multiply(a.decimalValue().abs());
            return diff.compareTo(allowed) <= 0;
        }
        return sameValue(a, b);
    }

    private static JsonNode normalized(JsonNode value, ExtractionRule rule) {
        if (value == null || !value.isTextual() || rule.normalize().isEmpty()) {
            return value;
        }
        return TextNode.valueOf(FieldNormalizers.apply(value.textValue(), rule.normalize()));
    }

    /** The parsed output when the provider answered and the output is schema-valid; otherwise null. */
    public static JsonNode validOutput(ScoredCase record) {
        return record.validOutput();
    }

    /** A short, single-line rendering of a value for failure messages. */
    static String shown(JsonNode value) {
        String text = value == null || value.isMissingNode() ? "null" : value.toString();
        text = text.replace('\n', ' ').replace('\r', ' ');
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
