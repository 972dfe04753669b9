package dev.evalbench.core.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.store.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The values that repeat from row to row of one read of a run's cases, each kept once: the suite, prompt,
 * route and model names, and the JSON columns (expected values, the scored output, tags, failure sentences),
 * which in most runs take a few dozen distinct values over 100,000 cases. Reading a large run therefore parses
 * each distinct JSON text once and holds one copy of it, instead of one tree per case: gating 100,000 cases
 * held 440 MB of mostly identical trees before. Bounded: after {@value #LIMIT} distinct texts of a kind,
 * further ones are parsed each time and not kept (a run whose every case has its own expected values).
 *
 * <p>The JSON trees handed out are shared between summaries; no reader changes them (masking and export make
 * new trees). One instance per read, on the reading thread; not thread-safe.
 */
final class RepeatedValues {
    static final int LIMIT = 4096;

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, JsonNode> trees = new HashMap<>();
    private final Map<String, List<String>> lists = new HashMap<>();

    /** The one kept copy of a short name (a suite, a route, a model); null stays null. */
    String name(String value) {
        if (value == null) return null;
        String kept = names.get(value);
        if (kept != null) return kept;
        if (names.size() < LIMIT) names.put(value, value);
        return value;
    }

    /** The parsed JSON column (null for SQL NULL); {@code what} names the case, for an error only. */
    JsonNode json(String text, Supplier<String> what) throws StoreException {
        if (text == null) return null;
        JsonNode kept = trees.get(text);
        if (kept != null) return kept;
        JsonNode parsed = parse(text, what);
        if (trees.size() < LIMIT) trees.put(text, parsed);
        return parsed;
    }

    /** A stored JSON array of strings as an unmodifiable list; empty for SQL NULL. */
    List<String> strings(String text, Supplier<String> what) throws StoreException {
        if (text == null) return List.of();
        List<String> kept = lists.get(text);
        if (kept != null) return kept;
        JsonNode array = parse(text, what);
        List<String> values = new ArrayList<>(array.size());
        array.forEach(v -> values.add(v.asText()));
        List<String> list = List.copyOf(values);
        if (lists.size() < LIMIT) lists.put(text, list);
        return list;
    }

    static JsonNode parse(String text, Supplier<String> what) throws StoreException {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot read " + what.get() + ": a stored JSON column is damaged: " + e.getOriginalMessage(), e);
        }
    }
}
