package dev.evalbench.core.report.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.evalbench.core.json.JsonLeaves;
import dev.evalbench.core.text.Clipped;
import java.util.Locale;

/**
 * A long text of a case as report.json and report.html show it: its first {@value #SHOWN} characters and a note
 * of its whole length. A report is sized by what a reviewer reads, and a model that ran on to the route's 1 MB
 * put its answer twice (raw and parsed) into each failing case shown; the whole record stays in
 * {@value ReportedRun#CASES_FILE}, which report.json binds by digest and from which a report is read back. Pure.
 */
public final class ClippedText {
    /** Characters of a text shown: several screens, more than any answer a reviewer reads whole. */
    public static final int SHOWN = 20_000;

    private ClippedText() {}

    /** {@code text} itself when it is short enough, else its start and the note. */
    public static String of(String text) {
        if (text == null || text.length() <= SHOWN) return text;
        return Clipped.start(text, SHOWN) + String.format(Locale.ROOT,
                " … [clipped: %,d characters in all; the whole record is in %s]", text.length(), ReportedRun.CASES_FILE);
    }

    /** A copy of {@code node} with every string {@linkplain #of clipped}; the input is not changed. */
    public static JsonNode tree(JsonNode node) {
        if (node == null) return null;
        return JsonLeaves.map(node, leaf -> leaf.isTextual() && leaf.textValue().length() > SHOWN
                ? JsonNodeFactory.instance.textNode(of(leaf.textValue())) : leaf);
    }
}
