package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A parsed YAML or JSON document together with where every value and every key starts in the source, keyed
 * by JSON pointer. This is how a schema error at {@code /routes/openai/retries} becomes
 * {@code routes.yaml:7:5}. The locations may be computed on first use (dataset lines are located only when
 * one of them has an error). The loader rewrites some values in place (environment references, case
 * preprocessing) but never the shape, so locations stay valid. Confined to the loading thread.
 */
final class LocatedTree {
    /** Where values and keys start, by JSON pointer. */
    record Locations(Map<String, SourceLocation> values, Map<String, SourceLocation> keys) {}

    private final String file;
    private final JsonNode root;
    private Supplier<Locations> locator;
    private Locations locations;

    LocatedTree(String file, JsonNode root, Locations locations) {
        this.file = file;
        this.root = root;
        this.locations = locations;
    }

    /** A tree whose locations are computed by {@code locator} when first needed. */
    LocatedTree(String file, JsonNode root, Supplier<Locations> locator) {
        this.file = file;
        this.root = root;
        this.locator = locator;
    }

    /**
     * A tree of the same document that the loader may rewrite without touching this one: containers copied,
     * leaves shared (they are immutable), locations shared (rewrites never change the shape).
     */
    LocatedTree copy() {
        return new LocatedTree(file, root.deepCopy(), this::locationsNow);
    }

    String file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    JsonNode at(String pointer) {
        return root.at(pointer);
    }

    Locations locationsNow() {
        if (locations == null) {
            locations = locator.get();
            locator = null;
        }
        return locations;
    }

    /** Where the value at the pointer starts; the nearest enclosing value when the pointer is not in the tree. */
    SourceLocation valueAt(String pointer) {
        Map<String, SourceLocation> values = locationsNow().values();
        String p = pointer;
        while (true) {
            SourceLocation loc = values.get(p);
            if (loc != null) return loc;
            if (p.isEmpty()) return SourceLocation.UNKNOWN;
            p = JsonPointers.parent(p);
        }
    }

    /** Where the key naming the pointer's value starts; the value's location for array items and the root. */
    SourceLocation keyAt(String pointer) {
        SourceLocation loc = locationsNow().keys().get(pointer);
        return loc != null ? loc : valueAt(pointer);
    }

    InputError errorAt(String pointer, String message) {
        SourceLocation loc = valueAt(pointer);
        return new InputError(file, loc.line(), loc.column(), message);
    }

    InputError errorAtKey(String pointer, String message) {
        SourceLocation loc = keyAt(pointer);
        return new InputError(file, loc.line(), loc.column(), message);
    }
}
