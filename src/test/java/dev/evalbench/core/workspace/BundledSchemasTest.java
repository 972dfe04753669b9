package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schemas in resources/schemas are valid, closed (unknown keys are errors) and documented for editors. */
class BundledSchemasTest {
    private static JsonNode load(String name) throws Exception {
        try (InputStream in = BundledSchemasTest.class.getResourceAsStream("/schemas/" + name + ".schema.json")) {
            assertThat(in).as("on the class path: /schemas/%s.schema.json", name).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"manifest", "prompt", "routes", "scripted", "policy", "gates", "case"})
    void isAValidDraft202012Schema(String name) throws Exception {
        JsonNode schema = load(name);

        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(JsonSchemas.problemsOf(schema)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"manifest", "prompt", "routes", "scripted", "policy", "gates", "case"})
    void everyObjectWithPropertiesIsClosedAndEveryPropertyDescribed(String name) throws Exception {
        List<String> problems = new ArrayList<>();
        JsonNode schema = load(name);
        walk(schema, schema, "", problems);

        assertThat(problems).isEmpty();
    }

    /** A property is described by its own description or by the one of the definition it refers to. */
    private static boolean described(JsonNode root, JsonNode property) {
        if (property.has("description")) return true;
        JsonNode ref = property.get("$ref");
        return ref != null && ref.asText().startsWith("#") && root.at(ref.asText().substring(1)).has("description");
    }

    private static void walk(JsonNode root, JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            boolean isSchemaWithProperties = properties != null && properties.isObject() && !path.endsWith("/if");
            if (isSchemaWithProperties) {
                if (!node.path("additionalProperties").isBoolean() || node.get("additionalProperties").asBoolean()) {
                    problems.add(path + ": additionalProperties is not false");
                }
                Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> p = fields.next();
                    if (!described(root, p.getValue())) problems.add(path + "/properties/" + p.getKey() + ": no description");
                }
            }
            node.fields().forEachRemaining(e -> walk(root, e.getValue(), path + "/" + e.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) walk(root, node.get(i), path + "/" + i, problems);
        }
    }
}
