package dev.evalbench.core.cel;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CEL types of the names in scope, read from an output's JSON Schema so that {@code output.totl} or
 * {@code output.total + "x"} fails when the workspace loads, not on the first case. A closed object schema
 * ({@code additionalProperties: false} with {@code properties}) becomes a struct whose fields are its
 * properties; anything else is {@code map(string, dyn)}, where any field name type-checks. Property types:
 * {@code number} and {@code integer} are {@code double} (every JSON number is a CEL double, see
 * {@link ExpressionValues}), {@code string} and string enums {@code string}, {@code boolean} {@code bool},
 * {@code array} {@code list(dyn)}, {@code object} {@code map(string, dyn)}, anything else (unions, nullable
 * fields) {@code dyn}. Stateless.
 */
public final class ExpressionTypes {
    static final MapType OPEN_OBJECT = MapType.create(SimpleType.STRING, SimpleType.DYN);
    static final String OUTPUT_TYPE = "evalbench.Output";
    static final String DECISION_TYPE = "evalbench.Decision";

    private ExpressionTypes() {}

    /** The type of an output (and of the expected values, which name output fields); null schema: an open object. */
    static CelType output(JsonNode schema) {
        if (schema == null || !schema.path("properties").isObject()
                || !schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").booleanValue()) {
            return OPEN_OBJECT;
        }
        Map<String, CelType> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            fields.put(p.getKey(), property(p.getValue()));
        }
        return struct(OUTPUT_TYPE, fields);
    }

    /** {@code decision}: accepted, proposed_action, final_action, rule, reason (strings may be null: dyn). */
    static StructType decision() {
        Map<String, CelType> fields = new LinkedHashMap<>();
        fields.put("accepted", SimpleType.BOOL);
        for (String f : List.of("proposed_action", "final_action", "rule", "reason")) fields.put(f, SimpleType.DYN);
        return struct(DECISION_TYPE, fields);
    }

    static CelTypeProvider provider(List<CelType> types) {
        return new CelTypeProvider() {
            @Override
            public ImmutableList<CelType> types() {
                return ImmutableList.copyOf(types);
            }

            @Override
            public Optional<CelType> findType(String name) {
                return types.stream().filter(t -> t.name().equals(name)).findFirst();
            }
        };
    }

    private static CelType property(JsonNode p) {
        JsonNode type = p.get("type");
        if (type != null && type.isTextual()) {
            switch (type.asText()) {
                case "number", "integer": return SimpleType.DOUBLE;
                case "string": return SimpleType.STRING;
                case "boolean": return SimpleType.BOOL;
                case "array": return ListType.create(SimpleType.DYN);
                case "object": return OPEN_OBJECT;
                default: return SimpleType.DYN;
            }
        }
        JsonNode values = p.has("enum") ? p.get("enum") : null;
        if (values != null && values.isArray() && values.size() > 0) {
            boolean strings = true;
            for (JsonNode v : values) strings &= v.isTextual();
            if (strings) return SimpleType.STRING;
        }
        if (p.has("const") && p.get("const").isTextual()) return SimpleType.STRING;
        return SimpleType.DYN;
    }

    private static StructType struct(String name, Map<String, CelType> fields) {
        Map<String, CelType> copy = Map.copyOf(fields);
        return StructType.create(name, ImmutableSet.copyOf(fields.keySet()), f -> Optional.ofNullable(copy.get(f)));
    }
}
