package dev.evalbench.core.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites Jackson's JSON parse errors in plain words (what was found, what JSON allows), without the
 * location, which callers add in their own form. Stateless and thread-safe.
 */
public final class JsonSyntaxMessage {
    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("^Unexpected character \\('.*?' \\(code (\\d+)\\)\\)");
    /** Jackson's processing limits name the allowed maximum after "maximum allowed (". */
    private static final Pattern LIMIT = Pattern.compile("maximum allowed \\((\\d+)");
    private static final Pattern QUOTED_TOKEN = Pattern.compile("'(.*?)'");

    private JsonSyntaxMessage() {}

    public static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null || m.isBlank()) return "not valid JSON";
        if (m.startsWith("Duplicate field ")) return "duplicate key \"" + quoted(m) + "\"";
        Matcher limit = LIMIT.matcher(m);
        if (m.startsWith("Document nesting depth") && limit.find()) {
            return "nested deeper than " + limit.group(1) + " levels of objects and arrays";
        }
        if (m.startsWith("String value length") && limit.find()) return "a string is longer than " + limit.group(1) + " characters";
        if (m.startsWith("Number value length") && limit.find()) return "a number has more than " + limit.group(1) + " digits";
        if (m.startsWith("Name length") && limit.find()) return "a key is longer than " + limit.group(1) + " characters";
        if (m.startsWith("Unrecognized token ")) {
            return "unexpected text '" + quoted(m) + "' (expected a JSON value: a string in double quotes, a number, "
                    + "an object, an array, true, false or null)";
        }
        if (m.startsWith("Non-standard token ")) {
            return "'" + quoted(m) + "' is not allowed in JSON (NaN and Infinity are not numbers in JSON)";
        }
        if (m.contains("Leading zeroes not allowed")) return "a number has a leading zero, which JSON does not allow";
        if (m.startsWith("Unexpected end-of-input")) {
            return "the text ends before the JSON value is complete (an object, array or string is not closed)";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return "a control character (such as a raw line break or tab) appears inside a string; JSON needs it escaped";
        }
        Matcher c = UNEXPECTED_CHAR.matcher(m);
        if (c.find()) return unexpectedCharacter(Integer.parseInt(c.group(1)), m);
        return firstSentence(m);
    }

    private static String unexpectedCharacter(int code, String message) {
        String shown = code < 0x20 ? String.format("U+%04X", code) : "'" + Character.toString(code) + "'";
        String base = "unexpected character " + shown;
        if (code == '`') return base + " (the text must be bare JSON: code fences are not stripped)";
        if (code == '\'') return base + " (JSON strings and keys use double quotes)";
        if (code == '/' || code == '#') return base + " (JSON does not allow comments)";
        if (message.contains("field name")) return base + " (expected a key in double quotes)";
        if (message.contains("expecting comma")) return base + " (expected ',' or the end of the object or array)";
        if (message.contains("expecting a colon")) return base + " (expected ':' after the key)";
        // A YAML list item ("- {id: …}") read as JSON: its '-' starts a number.
        if (message.contains("in numeric value") && message.contains("minus sign")) {
            return base + " after '-' (JSON reads '-' as the sign of a number)";
        }
        if (message.contains("in numeric value")) return base + " in a number";
        return base;
    }

    private static String quoted(String message) {
        Matcher q = QUOTED_TOKEN.matcher(message);
        return q.find() ? q.group(1) : "";
    }

    /** Jackson appends hints about its own feature flags; users need none of them. */
    private static String firstSentence(String message) {
        String m = message;
        int newline = m.indexOf('\n');
        if (newline >= 0) m = m.substring(0, newline);
        int hint = m.indexOf(": enable ");
        if (hint < 0) hint = m.indexOf("; enable ");
        if (hint >= 0) m = m.substring(0, hint);
        return m;
    }
}
