package dev.evalbench.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.record.CaseRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Why a case flipped though the model wrote the same output in both runs, in one sentence for every view (the
 * window, the terminal, report.md, report.html): the case's expected value changed (each field that did, old →
 * new, as JSON), or, when it did not, how the case is checked did (the policy, the schema, the checks). Stateless.
 */
public final class ExpectedChange {
    private ExpectedChange() {}

    /** The sentence for a flip whose two records wrote the same output. */
    public static String sameOutputSentence(CaseRecord before, CaseRecord after) {
        List<String> changes = between(before.expected(), after.expected());
        return changes.isEmpty()
                ? "Both runs wrote the same output: the verdict changed with how the case is checked."
                : "Both runs wrote the same output; what the case expects changed: " + String.join(", ", changes) + ".";
    }

    /**
     * Each top-level field whose expected value differs, as {@code category "bug" → "other"}; a value that is not an
     * object is one change, {@code "a" → "b"}. Empty when the two are equal (or both absent).
     */
    static List<String> between(JsonNode before, JsonNode after) {
        if (Objects.equals(before, after)) return List.of();
        if (before == null || after == null || !before.isObject() || !after.isObject()) {
            return List.of(shown(before) + " → " + shown(after));
        }
        Set<String> fields = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(fields::add);
        after.fieldNames().forEachRemaining(fields::add);
        List<String> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode was = before.get(field);
            JsonNode now = after.get(field);
            if (!Objects.equals(was, now)) changes.add(field + " " + shown(was) + " → " + shown(now));
        }
        return changes;
    }

    private static String shown(JsonNode value) {
        return value == null || value.isMissingNode() ? "(none)" : value.toString();
    }
}
