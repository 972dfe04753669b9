package dev.evalbench.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Two JSON outputs compared field by field: the paths whose values differ, e.g. {@code order_id},
 * {@code tool_calls[0].name}; a field present on one side only counts as changed. Objects are compared member
 * by member whatever their order, arrays element by element. Pure.
 */
public final class FieldDiff {
    private FieldDiff() {}

    /** The changed paths in name order; empty when the two are equal or either is null. */
    public static List<String> changed(JsonNode before, JsonNode after) {
        List<String> out = new ArrayList<>();
        if (before == null || after == null) return out;
        walk("", before, after, out);
        return out;
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) walk(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
        } else if (a != null && b != null && a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) walk(path + "[" + i + "]", a.get(i), b.get(i), out);
        } else if (!Objects.equals(a, b)) {
            out.add(path.isEmpty() ? "(the whole output)" : path);
        }
    }
}
