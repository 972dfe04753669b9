package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundled schemas of workspace files, read from the class path at {@code /schemas/NAME.schema.json} and
 * compiled once. Thread-safe. A missing or broken bundled schema is a packaging bug, hence unchecked.
 */
final class WorkspaceSchemas {
    static final String MANIFEST = "manifest";
    static final String PROMPT = "prompt";
    static final String ROUTES = "routes";
    static final String SCRIPTED = "scripted";
    static final String POLICY = "policy";
    static final String GATES = "gates";
    static final String CASE = "case";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();

    private record Compiled(JsonNode document, Schema schema) {}

    private WorkspaceSchemas() {}

    /** The violations of a parsed file against the named schema, in document order of the schema's checks. */
    static List<SchemaViolation> validate(String name, JsonNode instance) {
        Compiled compiled = CACHE.computeIfAbsent(name, WorkspaceSchemas::load);
        return SchemaViolations.of(compiled.schema().validate(instance), compiled.document());
    }

    private static Compiled load(String name) {
        String resource = "/schemas/" + name + ".schema.json";
        try (InputStream in = WorkspaceSchemas.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("bundled schema missing from the class path: " + resource);
            JsonNode document = MAPPER.readTree(in);
            return new Compiled(document, JsonSchemas.compile(document));
        } catch (IOException e) {
            throw new UncheckedIOException("bundled schema unreadable: " + resource, e);
        }
    }
}
