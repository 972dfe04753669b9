package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;
import java.util.Optional;

/**
 * The one JSON Schema setup used everywhere: draft 2020-12 unless a schema's {@code $schema} names another
 * standard dialect, JSON-pointer paths, no remote fetching (networknt 2.x fetches nothing remote by default;
 * the standard meta-schemas come from its jar), and {@code pattern} searched with bounded work
 * ({@link BoundedSchemaPatterns}). Thread-safe: the registry and compiled schemas are immutable.
 */
public final class JsonSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER)
                    .regularExpressionFactory(BoundedSchemaPatterns.INSTANCE).build()));

    private JsonSchemas() {}

    /**
     * Compiles a schema, resolving its internal references now so a broken one fails here rather than in the
     * middle of a run.
     *
     * @throws SchemaException when the schema cannot be compiled (a bad regex, an unresolvable $ref, ...)
     */
    public static Schema compile(JsonNode schema) {
        Schema compiled = REGISTRY.getSchema(schema);
        compiled.initializeValidators();
        return compiled;
    }

    /**
     * Why a document is not a usable JSON Schema: violations of its dialect's meta-schema, or the compile
     * failure. Empty when it is fine.
     */
    public static List<SchemaViolation> problemsOf(JsonNode schema) {
        if (!schema.isObject() && !schema.isBoolean()) {
            return List.of(new SchemaViolation("", null, "must be a JSON Schema object", ""));
        }
        Optional<SpecificationVersion> version = SpecificationVersion.fromSchemaNode(schema);
        JsonNode declared = schema.get("$schema");
        if (declared != null && version.isEmpty()) {
            return List.of(new SchemaViolation("/$schema", null,
                    "names an unknown dialect " + declared + " (use https://json-schema.org/draft/2020-12/schema)", ""));
        }
        List<SchemaViolation> external = new java.util.ArrayList<>();
        externalRefs(schema, "", external);
        if (!external.isEmpty()) return external;
        String dialect = version.orElse(SpecificationVersion.DRAFT_2020_12).getDialectId();
        Schema meta = REGISTRY.getSchema(SchemaLocation.of(dialect));
        List<SchemaViolation> violations = SchemaViolations.of(meta.validate(schema), meta.getSchemaNode());
        if (!violations.isEmpty()) return violations;
        try {
            compile(schema);
            return List.of();
        } catch (SchemaException e) {
            return List.of(new SchemaViolation("", null, "cannot be compiled: " + rootMessage(e), ""));
        }
    }

    /**
     * A reference that leaves the document ({@code http://...}, {@code other.json#...}) is refused before the
     * schema is compiled, so no library ever gets the chance to fetch it: a schema is one self-contained file.
     */
    private static void externalRefs(JsonNode node, String pointer, List<SchemaViolation> found) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String at = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                JsonNode value = e.getValue();
                if ((e.getKey().equals("$ref") || e.getKey().equals("$dynamicRef")) && value.isTextual()
                        && !value.asText().startsWith("#")) {
                    found.add(new SchemaViolation(at, null, "refers outside this file (" + value.asText()
                            + "); only references within the file (\"#/$defs/...\") are allowed, nothing is fetched", ""));
                } else {
                    externalRefs(value, at, found);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) externalRefs(node.get(i), pointer + "/" + i, found);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.replace('\n', ' ').replace('\r', ' ');
    }
}
