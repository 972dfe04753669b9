package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Phrases networknt validation errors as {@link SchemaViolation}s: what was found and what was expected.
 * {@code schemaRoot} is the schema document the errors came from; it is read to list the keys an object
 * allows and the condition ("when kind is metric") behind a conditional requirement. The failed branches of
 * one {@code anyOf}/{@code oneOf} at one value are merged into a single "must be X, or Y" message.
 * Stateless and thread-safe.
 */
public final class SchemaViolations {
    private SchemaViolations() {}

    /** A violation before merging: {@code expectation} ("must be a number") and what was {@code found}. */
    private record Draft(String pointer, String key, String expectation, String found, String tail) {
        SchemaViolation done() {
            String head = found == null ? expectation : expectation + (expectation.contains(":") ? "; found " : ", found ") + found;
            return new SchemaViolation(pointer, key, head, tail);
        }
    }

    public static List<SchemaViolation> of(List<Error> errors, JsonNode schemaRoot) {
        Set<String> unknownKeys = new HashSet<>();
        for (Error e : errors) {
            if ("additionalProperties".equals(e.getKeyword())) unknownKeys.add(pointerOf(e.getInstanceLocation()) + "|" + e.getProperty());
        }
        Map<String, List<Draft>> groups = new LinkedHashMap<>();
        for (Error e : errors) {
            String pointer = pointerOf(e.getInstanceLocation());
            // an unknown key also fails a conditional propertyNames list; saying it once is enough
            if ("propertyNames".equals(e.getKeyword()) && unknownKeys.contains(pointer + "|" + e.getProperty())) continue;
            Draft draft = phrase(e, pointer, schemaRoot);
            groups.computeIfAbsent(groupOf(e, draft), g -> new ArrayList<>()).add(draft);
        }
        List<SchemaViolation> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (List<Draft> group : groups.values()) {
            for (SchemaViolation v : merge(group)) {
                if (seen.add(v.withPointer())) out.add(v);
            }
        }
        return out;
    }

    /** Value problems under the same anyOf/oneOf at the same value form one group; everything else stands alone. */
    private static String groupOf(Error e, Draft draft) {
        String path = e.getEvaluationPath() == null ? "" : e.getEvaluationPath().toString();
        int alternative = Math.max(path.lastIndexOf("/anyOf/"), path.lastIndexOf("/oneOf/"));
        if (draft.key() != null || alternative < 0) return "single|" + System.identityHashCode(draft);
        return draft.pointer() + "|" + path.substring(0, alternative);
    }

    private static List<SchemaViolation> merge(List<Draft> group) {
        Draft first = group.get(0);
        if (group.size() == 1 || first.found() == null) return group.stream().map(Draft::done).toList();
        StringBuilder expectation = new StringBuilder(first.expectation());
        for (Draft other : group.subList(1, group.size())) {
            String alternative = other.expectation().startsWith("must be ") ? other.expectation().substring(8) : other.expectation();
            expectation.append(", or ").append(alternative);
        }
        return List.of(new Draft(first.pointer(), null, expectation.toString(), first.found(), first.tail()).done());
    }

    static String pointerOf(NodePath path) {
        String pointer = "";
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            pointer = element instanceof Integer index ? JsonPointers.child(pointer, index) : JsonPointers.child(pointer, String.valueOf(element));
        }
        return pointer;
    }

    private static Draft phrase(Error e, String pointer, JsonNode schemaRoot) {
        JsonNode schemaNode = e.getSchemaNode();
        String found = TypeWords.found(e.getInstanceNode());
        String schemaPointer = pointerOf(e.getSchemaLocation().getFragment());
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        switch (keyword) {
            case "additionalProperties":
                return new Draft(pointer, e.getProperty(), "unknown key \"" + e.getProperty() + "\"", null,
                        expectedKeys(e.getProperty(), schemaRoot.at(JsonPointers.parent(schemaPointer) + "/properties")));
            case "propertyNames":
                return propertyName(e, pointer, schemaNode, schemaRoot, schemaPointer);
            case "required":
                return new Draft(pointer, e.getProperty(), "missing required key \"" + e.getProperty() + "\"", null,
                        condition(schemaRoot, schemaPointer).map(c -> " (required " + c + ")").orElse(""));
            case "type":
                return value(pointer, "must be " + TypeWords.expected(schemaNode), found);
            case "enum":
                JsonNode given = e.getInstanceNode();
                String meant = given != null && given.isTextual()
                        ? meant(given.asText(), textsOf(schemaNode)).map(m -> " (" + m + ")").orElse("") : "";
                return new Draft(pointer, null, "must be one of: " + TypeWords.list(schemaNode), found, meant);
            case "const":
                return value(pointer, "must be " + TypeWords.literal(schemaNode), found);
            case "pattern":
                return value(pointer, "must match " + PatternWords.explain(schemaNode.asText()), found);
            case "minimum":
                return value(pointer, "must be at least " + schemaNode.asText(), found);
            case "maximum":
                return value(pointer, "must be at most " + schemaNode.asText(), found);
            case "exclusiveMinimum":
                return value(pointer, "must be greater than " + schemaNode.asText(), found);
            case "exclusiveMaximum":
                return value(pointer, "must be less than " + schemaNode.asText(), found);
            case "minLength":
                return schemaNode.asInt() <= 1 ? value(pointer, "must not be empty", null)
                        : value(pointer, "must have at least " + count(schemaNode.asInt(), "character"), found);
            case "maxLength":
                return value(pointer, "must have at most " + count(schemaNode.asInt(), "character"), null);
            case "minItems":
                return value(pointer, "must have at least " + count(schemaNode.asInt(), "item"), count(e.getInstanceNode().size(), "item"));
            case "maxItems":
                return value(pointer, "must have at most " + count(schemaNode.asInt(), "item"), count(e.getInstanceNode().size(), "item"));
            case "minProperties":
                return value(pointer, "must have at least " + count(schemaNode.asInt(), "key"), count(e.getInstanceNode().size(), "key"));
            case "uniqueItems":
                return value(pointer, "must not repeat items" + TypeWords.firstRepeat(e.getInstanceNode()), null);
            default:
                return value(pointer, "is not valid: " + e.getMessage(), null);
        }
    }

    private static Draft propertyName(Error e, String pointer, JsonNode schemaNode, JsonNode schemaRoot, String schemaPointer) {
        String key = e.getProperty();
        if (schemaNode.has("enum")) {
            String when = condition(schemaRoot, schemaPointer).map(c -> " " + c).orElse("");
            return new Draft(pointer, key, "key \"" + key + "\" is not allowed", null,
                    when + " (allowed: " + TypeWords.list(schemaNode.get("enum")) + ")");
        }
        if (schemaNode.has("pattern")) {
            return new Draft(pointer, key, "name \"" + key + "\" is not valid", null,
                    " (it must be " + PatternWords.explain(schemaNode.get("pattern").asText()) + ")");
        }
        return new Draft(pointer, key, "key \"" + key + "\" is not valid", null, "");
    }

    /** For a keyword under {@code .../then/...}: the sibling {@code if}'s const condition, as "when kind is metric". */
    private static Optional<String> condition(JsonNode schemaRoot, String schemaPointer) {
        int then = schemaPointer.lastIndexOf("/then/");
        if (then < 0) return Optional.empty();
        JsonNode properties = schemaRoot.at(schemaPointer.substring(0, then) + "/if/properties");
        Iterator<String> names = properties.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode constant = properties.get(name).get("const");
            if (constant != null) return Optional.of("when " + name + " is " + constant.asText());
        }
        return Optional.empty();
    }

    private static String expectedKeys(String typed, JsonNode properties) {
        if (!properties.isObject() || properties.isEmpty()) return "";
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return " (" + meant(typed, names).map(m -> m + " ").orElse("") + "expected one of: " + String.join(", ", names) + ")";
    }

    /**
     * "did you mean model?", as the command line's suggestions read, when one of {@code known} is a likely slip for
     * {@code typed}.
     */
    private static Optional<String> meant(String typed, List<String> known) {
        String meant = dev.evalbench.core.text.NearestNames.didYouMean(typed, known).strip();
        return meant.isEmpty() ? Optional.empty() : Optional.of(meant);
    }

    private static List<String> textsOf(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(v -> {
            if (v.isTextual()) texts.add(v.asText());
        });
        return texts;
    }

    private static Draft value(String pointer, String expectation, String found) {
        return new Draft(pointer, null, expectation, found, "");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
