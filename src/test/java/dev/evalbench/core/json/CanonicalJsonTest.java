package dev.evalbench.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String canonical(String json) throws Exception {
        return CanonicalJson.canonicalString(MAPPER.readTree(json));
    }

    @Test
    void rfc8785Section324Example() throws Exception {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }
                """;
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertThat(canonical(input)).isEqualTo(expected);
        // RFC 8785 section 3.2.4 also gives the UTF-8 bytes of the result
        String rfcHex = """
                7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72
                75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a
                5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31
                65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37
                5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30
                30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d
                """.replaceAll("\\s+", "");
        byte[] bytes = CanonicalJson.canonicalize(MAPPER.readTree(input));
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(rfcHex);
    }

    @Test
    void membersSortedByUtf16CodeUnitsAsInRfc8785Section323() throws Exception {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }
                """;
        // U+1F600 is the surrogate pair d83d de00, which sorts before U+FB33 in UTF-16 (but not in code points)
        assertThat(canonical(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
                + "\"\uD83D\uDE00\":\"Emoji: Grinning Face\",\"\uFB33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void nestedObjectsAreSortedAndWhitespaceRemoved() throws Exception {
        assertThat(canonical("{ \"b\" : [ 1 , { \"z\":1, \"a\" : 2 } ],\n \"a\" : { } , \"c\": [] }"))
                .isEqualTo("{\"a\":{},\"b\":[1,{\"a\":2,\"z\":1}],\"c\":[]}");
    }

    @Test
    void onlyRequiredEscapesAreUsed() throws Exception {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("s", "tab\t nl\n cr\r bs\b ff\f nul\u0000 us\u001f del\u007f slash/ quote\" backslash\\ line\u2028 é");
        assertThat(CanonicalJson.canonicalString(node)).isEqualTo(
                "{\"s\":\"tab\\t nl\\n cr\\r bs\\b ff\\f nul\\u0000 us\\u001f del\u007f slash/ quote\\\" backslash\\\\ line\u2028 é\"}");
    }

    @Test
    void integersAndFloatsUseEcmaScriptNumberForm() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("int", 42);
        node.put("long", 9007199254740992L);
        node.put("negZero", -0.0);
        node.put("big", 1e21);
        node.put("float", 0.5f);
        node.put("decimal", new java.math.BigDecimal("4.50"));
        assertThat(CanonicalJson.canonicalString(node))
                .isEqualTo("{\"big\":1e+21,\"decimal\":4.5,\"float\":0.5,\"int\":42,\"long\":9007199254740992,\"negZero\":0}");
    }

    @Test
    void integersADoubleCannotHoldAreRefusedWithTheirLocation() throws Exception {
        JsonNode node = MAPPER.readTree("{\"run\":{\"ids\":[1, 9007199254740993]}}");
        assertThatThrownBy(() -> CanonicalJson.canonicalize(node))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/run/ids/1")
                .hasMessageContaining("9007199254740993");
        ObjectNode huge = JsonNodeFactory.instance.objectNode();
        huge.put("n", BigInteger.TEN.pow(400));
        assertThatThrownBy(() -> CanonicalJson.canonicalize(huge)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nanAndInfinityAreRefused() {
        ObjectNode nan = JsonNodeFactory.instance.objectNode().put("x", Double.NaN);
        ObjectNode inf = JsonNodeFactory.instance.objectNode().put("y", Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> CanonicalJson.canonicalize(nan))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/x").hasMessageContaining("NaN");
        assertThatThrownBy(() -> CanonicalJson.canonicalize(inf))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/y");
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("text", "a\uD800b");
        assertThatThrownBy(() -> CanonicalJson.canonicalize(node))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired surrogate U+D800");
    }

    @Test
    void nonJsonNodesAreRefused() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("bytes", new byte[] {1, 2});
        assertThatThrownBy(() -> CanonicalJson.canonicalize(node))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/bytes");
    }

    @Test
    void canonicalFormIsStableUnderReparsing() throws Exception {
        String first = canonical("{\"z\":[0.1,1e-7,1e300],\"a\":\"\\u00e9\",\"m\":{\"k\":null}}");
        assertThat(canonical(first)).isEqualTo(first);
    }
}
