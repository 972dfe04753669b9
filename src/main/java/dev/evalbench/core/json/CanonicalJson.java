package dev.evalbench.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) for Jackson trees: the exact bytes that get hashed and signed.
 *
 * <ul>
 *   <li>object members sorted by their names compared as UTF-16 code units ({@link String#compareTo});</li>
 *   <li>no whitespace between tokens;</li>
 *   <li>strings: only {@code "} and {@code \} plus control characters are escaped; {@code \b \f \n \r \t}
 *       in short form, other controls as <code>&#92;u00xx</code> with lower-case hex; everything else, {@code /}
 *       and non-ASCII included, is written as itself in UTF-8;</li>
 *   <li>numbers as IEEE 754 doubles in ECMAScript form ({@link EcmaNumberFormat}).</li>
 * </ul>
 *
 * <p>Refused, with an {@link IllegalArgumentException} naming the JSON Pointer of the offending value:
 * NaN and infinities; integers that a double cannot hold exactly (beyond 2^53 the value would silently
 * change); strings with an unpaired surrogate (not valid Unicode, so not encodable as UTF-8); and
 * non-JSON node types (binary, POJO, missing). A {@code float} node is widened to the double of exactly
 * the same value. Stateless and thread-safe; the input tree is only read.
 */
public final class CanonicalJson {
    private CanonicalJson() {}

    /** The canonical UTF-8 bytes of {@code node}. */
    public static byte[] canonicalize(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, "", out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical form as a string, for tests and for embedding in text. */
    public static String canonicalString(JsonNode node) {
        return new String(canonicalize(node), StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, String pointer, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, pointer, out);
            case ARRAY -> writeArray(node, pointer, out);
            case STRING -> writeString(node.textValue(), pointer, out);
            case NUMBER -> out.append(number(node, pointer));
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException(
                    at(pointer) + "a " + node.getNodeType() + " node is not a JSON value");
        }
    }

    private static void writeObject(JsonNode node, String pointer, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.size());
        members.addAll(node.properties());
        members.sort(Map.Entry.comparingByKey()); // String.compareTo compares UTF-16 code units
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            Map.Entry<String, JsonNode> member = members.get(i);
            String childPointer = pointer + "/" + escapePointer(member.getKey());
            if (i > 0) out.append(',');
            writeString(member.getKey(), childPointer, out);
            out.append(':');
            write(member.getValue(), childPointer, out);
        }
        out.append('}');
    }

    private static void writeArray(JsonNode node, String pointer, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) out.append(',');
            write(node.get(i), pointer + "/" + i, out);
        }
        out.append(']');
    }

    private static String number(JsonNode node, String pointer) {
        if (node.isIntegralNumber()) {
            BigInteger exact = node.bigIntegerValue();
            double asDouble = exact.doubleValue();
            if (Double.isInfinite(asDouble) || !new BigDecimal(asDouble).toBigIntegerExact().equals(exact)) {
                throw new IllegalArgumentException(at(pointer) + "integer " + exact
                        + " cannot be represented exactly as an IEEE 754 double, as RFC 8785 requires");
            }
            return EcmaNumberFormat.format(asDouble);
        }
        double value = node.isFloat() ? (double) node.floatValue() : node.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(at(pointer) + value + " is not a JSON number (RFC 8785 forbids NaN and Infinity)");
        }
        return EcmaNumberFormat.format(value);
    }

    private static void writeString(String text, String pointer, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException(at(pointer) + "string has an unpaired surrogate U+"
                                + Integer.toHexString(c).toUpperCase() + " at index " + i + ", which is not valid Unicode");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String escapePointer(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String at(String pointer) {
        return "JSON value at '" + (pointer.isEmpty() ? "/" : pointer) + "': ";
    }
}
