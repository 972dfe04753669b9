package dev.evalbench.app.results;

import dev.evalbench.core.eval.CutOffAnswer;
import dev.evalbench.core.eval.WithheldAnswer;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the results filter bar asks for, as one immutable value: text (plain, case-insensitive, or a regular
 * expression) matched against a case's id, suite, route, tags, action and failure sentences; a verdict; a
 * suite; a tag; a failure kind; and a scope (the cases behind a clicked gate). Null or blank means "any".
 * Pure: {@link #apply} runs on a worker thread.
 */
public record CaseFilter(String text, boolean regex, String verdict, String suite, String tag, String failureKind,
                         Scope scope) {
    public static final String PASS = "pass";
    public static final String FAIL = "fail";
    public static final String ERROR = "error";
    public static final String SCHEMA_INVALID = "schema invalid";
    public static final String REJECTED = "rejected by policy";
    public static final String WRONG = "failed checks";
    public static final CaseFilter NONE = new CaseFilter("", false, null, null, null, null, null);

    /** The cases behind one gate, by key, and the gate's name for the filter bar. */
    public record Scope(String name, Set<CaseKey> keys) {}

    /** The verdict of one case in the table's words: pass, fail (answered, not passing) or error (no answer). */
    public static String verdictOf(CaseSummary s) {
        return s.errored() ? ERROR : s.passed() ? PASS : FAIL;
    }

    /**
     * The Schema column's word for one case: "valid", "invalid", "no answer", "cut off" (invalid because the model
     * stopped at its output token limit: the route's limit is the fix, not the prompt), or "withheld" (the server's
     * content filter kept the answer back).
     */
    public static String schemaOf(CaseSummary s) {
        if (s.errored()) return "no answer";
        if (s.schemaValid()) return "valid";
        return CutOffAnswer.toldIn(s.failures()) ? "cut off" : WithheldAnswer.toldIn(s.failures()) ? "withheld" : "invalid";
    }

    /** The failure kinds this filter offers: how an answer failed, then each provider failure kind present. */
    public static List<String> failureKinds(List<CaseSummary> rows) {
        List<String> kinds = new ArrayList<>(List.of(SCHEMA_INVALID, REJECTED, WRONG));
        rows.stream().map(CaseSummary::failureKind).filter(k -> k != null).distinct().sorted().forEach(kinds::add);
        return kinds;
    }

    /**
     * The rows that match, in their order.
     *
     * @throws PatternSyntaxException when {@code regex} is set and the text is not a regular expression
     */
    public List<CaseSummary> apply(List<CaseSummary> rows) {
        Predicate<CaseSummary> p = predicate();
        List<CaseSummary> out = new ArrayList<>();
        for (CaseSummary row : rows) if (p.test(row)) out.add(row);
        return out;
    }

    public Predicate<CaseSummary> predicate() {
        Predicate<CaseSummary> p = row -> true;
        if (scope != null) p = p.and(row -> scope.keys().contains(row.key()));
        if (!blank(verdict)) p = p.and(row -> verdict.equals(verdictOf(row)));
        if (!blank(suite)) p = p.and(row -> suite.equals(row.key().suite()));
        if (!blank(tag)) p = p.and(row -> row.tags().contains(tag));
        if (!blank(failureKind)) p = p.and(kind(failureKind));
        if (!blank(text)) p = p.and(text(text, regex));
        return p;
    }

    private static Predicate<CaseSummary> kind(String kind) {
        switch (kind) {
            case SCHEMA_INVALID: return row -> !row.errored() && !row.schemaValid();
            case REJECTED: return row -> !row.errored() && row.finalAction() != null && !row.accepted();
            case WRONG: return row -> !row.errored() && row.schemaValid() && !row.passed();
            default: return row -> kind.equals(row.failureKind());
        }
    }

    private static Predicate<CaseSummary> text(String text, boolean regex) {
        if (regex) {
            Pattern pattern = Pattern.compile(text, Pattern.CASE_INSENSITIVE);
            return row -> pattern.matcher(haystack(row)).find();
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return row -> haystack(row).toLowerCase(Locale.ROOT).contains(needle);
    }

    /** What free text is matched against: what the table shows, plus the failure sentences. */
    static String haystack(CaseSummary row) {
        CaseKey k = row.key();
        StringBuilder s = new StringBuilder(96).append(k.caseId()).append(' ').append(k.suite()).append(' ')
                .append(k.route()).append(' ').append(k.promptId());
        for (String t : row.tags()) s.append(' ').append(t);
        if (row.finalAction() != null) s.append(' ').append(row.finalAction());
        if (row.failureKind() != null) s.append(' ').append(row.failureKind());
        for (String f : row.failures()) s.append(' ').append(f);
        return s.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
