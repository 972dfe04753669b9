package dev.evalbench.app.compare;

import dev.evalbench.core.compare.FieldDiff;
import dev.evalbench.core.compare.OutputDiff;
import dev.evalbench.core.compare.OutputText;
import dev.evalbench.core.compare.ReviewCase;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.Message;
import java.util.List;

/**
 * The selected case of a comparison in full: both records (masked; null on a side the case is missing), the
 * case's input (the last user message the model was sent, or a captured request's variables), the line and word
 * diff of the two outputs ({@link OutputText}: JSON pretty-printed with sorted keys), and, for JSON outputs, the
 * fields whose values changed. Built off the UI thread from the two records; immutable.
 */
public record CaseComparison(ReviewCase row, CaseRecord before, CaseRecord after, String input, OutputDiff diff,
                      List<String> changedFields, boolean json) {

    public static CaseComparison of(ReviewCase row, CaseRecord before, CaseRecord after) {
        return of(row, before, after, null);
    }

    /** @param input the case's input as shown, when it is not its last user message (a captured request's variables) */
    public static CaseComparison of(ReviewCase row, CaseRecord before, CaseRecord after, String input) {
        String a = before == null ? "" : OutputText.of(before);
        String b = after == null ? "" : OutputText.of(after);
        boolean json = isJson(before) || isJson(after);
        List<String> fields = json && before != null && after != null ? FieldDiff.changed(before.parsed(), after.parsed()) : List.of();
        CaseRecord any = after != null ? after : before;
        return new CaseComparison(row, before, after, input != null ? input : input(any), OutputDiff.between(a, b),
                fields, json);
    }

    private static boolean isJson(CaseRecord r) {
        return r != null && r.rawOutput() != null && r.parsed() != null && (r.parsed().isObject() || r.parsed().isArray());
    }

    /** The case's input as the model read it: its last user message (the rendered template body). */
    private static String input(CaseRecord r) {
        if (r == null) return "";
        String text = null;
        for (Message m : r.messages()) if ("user".equals(m.role())) text = m.content();
        return text != null ? text : "(no user message recorded)";
    }
}
