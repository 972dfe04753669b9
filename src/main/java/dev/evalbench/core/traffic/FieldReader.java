package dev.evalbench.core.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.workspace.InputError;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the fields of one captured request (a JSON Lines object or a span's attributes turned into one) and
 * collects every problem as an {@link InputError} at the line it came from, instead of stopping at the first:
 * a user fixing a capture sees all of a line's mistakes at once. Not thread-safe; one per line.
 */
final class FieldReader {
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

    private final String file;
    private final int line;
    private final JsonNode node;
    private final List<InputError> errors;

    FieldReader(String file, int line, JsonNode node, List<InputError> errors) {
        this.file = file;
        this.line = line;
        this.node = node;
        this.errors = errors;
    }

    void error(String message) {
        errors.add(new InputError(file, line, 0, message));
    }

    JsonNode node(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    String text(String name, boolean required) {
        JsonNode v = node(name);
        if (v == null) {
            if (required) error("\"" + name + "\" is missing: expected a string");
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            error("\"" + name + "\" must be a non-empty string, got " + v);
            return null;
        }
        return v.asText();
    }

    long whole(String name, boolean required, long fallback) {
        JsonNode v = node(name);
        if (v == null) {
            if (required) error("\"" + name + "\" is missing: expected a whole number of at least 0");
            return fallback;
        }
        // OTLP JSON writes 64-bit integers as strings; both forms are one number here.
        if (v.isTextual() && v.asText().matches("\\d{1,18}")) return Long.parseLong(v.asText());
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
            error("\"" + name + "\" must be a whole number of at least 0, got " + v);
            return fallback;
        }
        return v.asLong();
    }

    int count(String name, boolean required) {
        long v = whole(name, required, 0);
        if (v > Integer.MAX_VALUE) {
            error("\"" + name + "\" is too large: " + v);
            return 0;
        }
        return (int) v;
    }

    double amount(String name) {
        JsonNode v = node(name);
        if (v == null) return 0;
        if (!v.isNumber() || v.asDouble() < 0 || !Double.isFinite(v.asDouble())) {
            error("\"" + name + "\" must be a number of at least 0, got " + v);
            return 0;
        }
        return v.asDouble();
    }

    Instant instant(String name) {
        String t = text(name, true);
        if (t == null) return null;
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            error("\"" + name + "\" must be an ISO-8601 instant such as 2026-11-23T08:00:00Z, got \"" + t + "\"");
            return null;
        }
    }

    String traceId(String name) {
        String t = text(name, true);
        if (t != null && !TRACE_ID.matcher(t).matches()) {
            error("\"" + name + "\" must be a W3C trace id (32 lowercase hex digits, not all zero), got \"" + t + "\"");
            return null;
        }
        if (t != null && t.chars().allMatch(ch -> ch == '0')) {
            error("\"" + name + "\" is all zeros, which W3C Trace Context reserves as invalid");
            return null;
        }
        return t;
    }

    List<String> texts(String name) {
        JsonNode v = node(name);
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        if (!v.isArray()) {
            error("\"" + name + "\" must be an array of strings, got " + v);
            return out;
        }
        v.forEach(item -> out.add(item.isTextual() ? item.asText() : item.toString()));
        return out;
    }

    String oneOf(String name, List<String> allowed) {
        String t = text(name, true);
        if (t != null && !allowed.contains(t)) {
            error("\"" + name + "\" must be one of " + String.join(", ", allowed) + ", got \"" + t + "\"");
            return null;
        }
        return t;
    }
}
