package dev.evalbench.workspaces;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Test access to the sample workspace {@code workspaces/support-triage}: its files, its cases, and its prompt
 * rendered the way the format describes (Jinja syntax on Pebble, strict variables, preprocessing trim and
 * collapse_whitespace). The real renderer lives elsewhere; this stand-in lets the sample be checked on its own.
 */
public final class SupportTriageWorkspace {
    public static final Path ROOT = Path.of("workspaces", "support-triage");
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    public static final ObjectMapper YAML = new YAMLMapper();

    private SupportTriageWorkspace() {}

    public static byte[] bytes(String relativePath) {
        try {
            return Files.readAllBytes(ROOT.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode yaml(String relativePath) {
        try {
            return YAML.readTree(bytes(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every non-blank line of a dataset, parsed. */
    public static List<ObjectNode> cases(String relativePath) {
        List<ObjectNode> cases = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(ROOT.resolve(relativePath))) {
                if (!line.isBlank()) cases.add((ObjectNode) JSON.readTree(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /** The case's vars after the manifest's preprocessing (trim, collapse_whitespace) of every string. */
    public static ObjectNode preprocessedVars(ObjectNode evalCase) {
        return (ObjectNode) preprocess(evalCase.get("vars").deepCopy());
    }

    private static JsonNode preprocess(JsonNode node) {
        if (node.isTextual()) return TextNode.valueOf(node.textValue().trim().replaceAll("\\s+", " "));
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                object.set(key, preprocess(object.get(key)));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, preprocess(node.get(i)));
        }
        return node;
    }

    /** The prompt's system text and its user message rendered for one case. */
    public record Rendered(String system, String user) {}

    public static Rendered render(ObjectNode evalCase) {
        return render(evalCase, true);
    }

    /** {@code newLineTrimming} is Pebble's option (default true) to drop the newline right after a tag. */
    public static Rendered render(ObjectNode evalCase, boolean newLineTrimming) {
        PebbleEngine engine = newLineTrimming ? TRIMMING : NOT_TRIMMING;
        Map<String, Object> vars = JSON.convertValue(preprocessedVars(evalCase), new TypeReference<>() {});
        return new Rendered(evaluate(engine.getTemplate(PROMPT.get("system").textValue()), vars),
                evaluate(engine.getTemplate(PROMPT.get("body").textValue()), vars));
    }

    private static final JsonNode PROMPT = yaml("prompts/triage.yaml");
    private static final PebbleEngine TRIMMING = engine(true);
    private static final PebbleEngine NOT_TRIMMING = engine(false);

    private static PebbleEngine engine(boolean newLineTrimming) {
        return new PebbleEngine.Builder()
                .loader(new StringLoader())
                .strictVariables(true)
                .autoEscaping(false)
                .newLineTrimming(newLineTrimming)
                .build();
    }

    private static String evaluate(PebbleTemplate template, Map<String, Object> vars) {
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, vars);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
