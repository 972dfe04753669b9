package dev.evalbench.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.evalbench.core.json.JsonLeaves;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Makes a JSON tree valid input for RFC 8785, which can only write numbers as IEEE 754 doubles: an integer a
 * double cannot hold exactly (beyond 2^53, e.g. a 20-digit order number a model wrote as a number) becomes its
 * decimal string, and a non-finite double becomes null. Anything else is kept as it is. Such numbers can only
 * come from a model's parsed output; its raw output, a string, keeps the exact text. Pure; returns a copy.
 */
public final class JcsValues {
    private JcsValues() {}

    public static JsonNode representable(JsonNode node) {
        return JsonLeaves.map(node, JcsValues::representableLeaf);
    }

    private static JsonNode representableLeaf(JsonNode node) {
        if (node.isIntegralNumber() && !exactDouble(node.bigIntegerValue())) {
            return JsonNodeFactory.instance.textNode(node.bigIntegerValue().toString());
        }
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            return JsonNodeFactory.instance.nullNode();
        }
        return node;
    }

    private static boolean exactDouble(BigInteger value) {
        double d = value.doubleValue();
        return Double.isFinite(d) && new BigDecimal(d).toBigIntegerExact().equals(value);
    }
}
