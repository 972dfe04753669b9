package dev.evalbench.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StrictOutputValidatorTest {
    private static final JsonNode SCHEMA = read("""
            {"type": "object", "additionalProperties": false, "required": ["category", "order_id", "reply"],
             "properties": {
               "category": {"enum": ["billing", "shipping"]},
               "order_id": {"type": ["string", "null"], "pattern": "^ORD-\\\\d{5}$"},
               "reply": {"type": "string", "default": "filled"},
               "items": {"type": "array", "items": {"type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}}}}
             }}""");

    private final StrictOutputValidator validator = new StrictOutputValidator();

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aValidOutputParsesAndPasses() {
        Validation v = validator.validate("\n {\"category\": \"billing\", \"order_id\": \"ORD-10421\", \"reply\": \"ok\"} \n", SCHEMA);

        assertThat(v.valid()).isTrue();
        assertThat(v.errors()).isEmpty();
        assertThat(v.parsed().get("order_id").asText()).isEqualTo("ORD-10421");
    }

    @Test
    void trailingTextIsRejected() {
        Validation v = validator.validate("{\"category\": \"billing\", \"order_id\": null, \"reply\": \"ok\"} Hope this helps!", SCHEMA);

        assertThat(v.valid()).isFalse();
        assertThat(v.parsed()).isNull();
        assertThat(v.errors()).containsExactly(
                "unexpected text after the JSON value at line 1, column 58 (the output must be exactly one JSON value)");
    }

    @Test
    void aCodeFenceIsNotStripped() {
        Validation v = validator.validate("```json\n{\"category\": \"billing\", \"order_id\": null, \"reply\": \"ok\"}\n```", SCHEMA);

        assertThat(v.valid()).isFalse();
        assertThat(v.parsed()).isNull();
        assertThat(v.errors()).singleElement().asString()
                .isEqualTo("not valid JSON at line 1, column 1: unexpected character '`' (the text must be bare JSON: code fences are not stripped)");
    }

    @Test
    void schemaViolationsNameTheJsonPointer() {
        Validation v = validator.validate("{\"category\": \"refunds\", \"order_id\": 10421, \"reply\": \"ok\", "
                + "\"items\": [{\"sku\": \"a\"}, {\"sku\": 7}]}", SCHEMA);

        assertThat(v.valid()).isFalse();
        assertThat(v.parsed()).isNotNull();
        assertThat(v.errors()).containsExactlyInAnyOrder(
                "/category: must be one of: billing, shipping; found string \"refunds\"",
                "/order_id: must be a string or null, found integer 10421",
                "/items/1/sku: must be a string, found integer 7");
    }

    @Test
    void aMissingRequiredFieldFailsAndIsNeverFilledIn() {
        String raw = "{\"category\": \"billing\", \"order_id\": null}";

        Validation v = validator.validate(raw, SCHEMA);

        assertThat(v.valid()).isFalse();
        assertThat(v.errors()).containsExactly("(root): missing required key \"reply\"");
        assertThat(v.parsed().has("reply")).isFalse();
        assertThat(v.parsed()).isEqualTo(read(raw));
    }

    @Test
    void unknownKeysAreNamed() {
        Validation v = validator.validate("{\"category\": \"billing\", \"order_id\": null, \"reply\": \"ok\", \"mood\": \"happy\"}", SCHEMA);

        assertThat(v.errors()).containsExactly("(root): unknown key \"mood\" (expected one of: category, order_id, reply, items)");
    }

    @Test
    void nonStandardJsonIsRejected() {
        assertThat(validator.validate("{'category': 'billing'}", SCHEMA).errors()).singleElement().asString()
                .contains("JSON strings and keys use double quotes");
        assertThat(validator.validate("{\"category\": \"billing\", \"category\": \"shipping\"}", SCHEMA).errors()).singleElement().asString()
                .contains("duplicate key \"category\"");
        assertThat(validator.validate("{\"n\": NaN}", SCHEMA).errors()).singleElement().asString()
                .contains("NaN and Infinity are not numbers in JSON");
        assertThat(validator.validate("// answer\n{}", SCHEMA).errors()).singleElement().asString()
                .contains("JSON does not allow comments");
        assertThat(validator.validate("   ", SCHEMA).errors()).containsExactly("the output is empty (expected one JSON value)");
        assertThat(validator.validate("{\"category\": \"billing\"", SCHEMA).errors()).singleElement().asString()
                .contains("the text ends before the JSON value is complete");
    }

    @Test
    void aScalarOutputIsParsedThenCheckedAgainstTheSchema() {
        Validation v = validator.validate("\"billing\"", SCHEMA);

        assertThat(v.parsed().asText()).isEqualTo("billing");
        assertThat(v.errors()).containsExactly("(root): must be an object (keys and values), found string \"billing\"");
    }

    /**
     * A schema's pattern with a repeated group of alternatives ({@code ^(\w|\s)*$}, "words and spaces"), on what a
     * model wrote: Java's regex engine recurses once a repetition, and 5,000 letters overflowed the thread's stack
     * (a StackOverflowError out of the validation). The search is stopped instead, and the string does not match,
     * so the output is invalid: what could not be checked is not accepted. Short strings are judged as before.
     */
    @Test
    void aPatternThatCannotSearchTheStringEndsAndDoesNotAcceptIt() {
        JsonNode words = read("{\"type\": \"object\", \"properties\": {\"reply\": {\"type\": \"string\", \"pattern\": \"^(\\\\w|\\\\s)*$\"}}}");

        Validation hostile = validator.validate("{\"reply\": \"" + "a".repeat(5_000) + ".\"}", words);
        assertThat(hostile.valid()).isFalse();
        assertThat(hostile.errors()).singleElement().asString().startsWith("/reply: must match the pattern ^(\\w|\\s)*$, found string");
        assertThat(validator.validate("{\"reply\": \"three short words\"}", words).valid()).isTrue();
        assertThat(validator.validate("{\"reply\": \"not. words\"}", words).valid()).isFalse();
    }
}
