package dev.evalbench.app.detail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * A case's input variables as a person reads them: YAML, with a text of several lines as a literal block, line by
 * line as the template receives it, where JSON showed an invoice or a conversation as one line of {@code \n}
 * escapes. Quotes only where a value would otherwise read as another type ({@code "5"}, {@code "null"}) or is not a
 * plain YAML scalar. Stateless and thread-safe.
 */
public final class VariablesText {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private VariablesText() {}

    /** {@code vars} (a dataset case's {@code vars} object) as YAML text without a trailing line break. */
    public static String of(JsonNode vars) {
        try {
            return YAML.writeValueAsString(vars).stripTrailing();
        } catch (JsonProcessingException e) {
            return vars.toString(); // a tree read from JSON always writes; JSON still reads if it ever did not
        }
    }
}
