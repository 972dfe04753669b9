package dev.evalbench.core.mask;

import dev.evalbench.core.text.RequiredText;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces every match of some patterns in a text with a mark that keeps enough to recognise the value and
 * not enough to use it: {@code [masked restricted value: DE89 •••• 3000]}, {@code [masked email: j•••m]}.
 * Values of 16 characters or more keep their first and last 4, of 8 to 15 their first and last 1, shorter
 * ones nothing. Every mark starts with {@value #MARK_START}, so a writer can count what it masked. Stateless.
 */
public final class MaskedText {
    public static final String MARK_START = "[masked ";
    static final String DOTS = "••••";

    private MaskedText() {}

    /**
     * A pattern and the name shown in its marks ("restricted value", or a policy pattern's name), and what every match
     * of it holds ({@link RequiredText}; null when nothing is certain): a text without it is passed over without
     * running the regex, which cannot match there. An e-mail pattern needs an {@code @}, and most of a report's texts
     * have none; the regex tried every position of each (docs/performance.md, round 30).
     */
    public record Named(String name, Pattern pattern, RequiredText required) {
        public Named(String name, Pattern pattern) {
            this(name, pattern, RequiredText.of(pattern, 1).orElse(null));
        }
    }

    /**
     * The text with every match of every pattern masked; patterns are applied in order. A text that a pattern
     * cannot search within its bound ({@link BoundedSearch}) is masked whole: what could not be searched might
     * hold the value.
     */
    public static String mask(String text, List<Named> patterns) {
        if (text == null || text.isEmpty() || patterns.isEmpty()) return text;
        String out = text;
        for (Named named : patterns) {
            try {
                out = masked(out, named);
            } catch (BoundedSearch.Exhausted e) {
                out = MARK_START + named.name() + String.format(java.util.Locale.ROOT,
                        ": a text of %,d characters the pattern could not search]", e.textLength());
            }
        }
        return out;
    }

    private static String masked(String text, Named named) {
        if (named.required() != null && !named.required().mayMatch(text)) return text;
        return BoundedSearch.run(text.length(), () -> {
            Matcher m = BoundedSearch.matcher(named.pattern(), text);
            if (!m.find()) return text;
            StringBuilder sb = new StringBuilder(text.length());
            Marks earlier = new Marks(text);
            int last = 0;
            do {
                if (m.end() == m.start()) continue; // an empty match masks nothing
                if (earlier.contain(m.start())) continue;
                sb.append(text, last, m.start()).append(mark(named.name(), m.group()));
                last = m.end();
            } while (m.find());
            return sb.append(text, last, text.length()).toString();
        });
    }

    /** How many marks a text holds. */
    public static int count(String text) {
        if (text == null) return 0;
        int n = 0;
        for (int i = text.indexOf(MARK_START); i >= 0; i = text.indexOf(MARK_START, i + 1)) n++;
        return n;
    }

    static String mark(String name, String value) {
        String compact = value.replaceAll("\\s+", "");
        int keep = compact.length() >= 16 ? 4 : compact.length() >= 8 ? 1 : 0;
        String shown = keep == 0 ? DOTS : compact.substring(0, keep) + " " + DOTS + " " + compact.substring(compact.length() - keep);
        return MARK_START + name + ": " + shown + "]";
    }

    /**
     * The marks earlier patterns left in a text, from its first {@value #MARK_START} to the {@code ]} after it: a
     * later pattern must not re-mask their kept characters. Found once, in one pass, and asked about positions in
     * increasing order, as a matcher finds them: looking back from each match to the last mark made masking a
     * megabyte of 140,000 e-mail addresses take a minute.
     */
    private static final class Marks {
        private final java.util.List<int[]> spans = new java.util.ArrayList<>();
        private int next;

        Marks(String text) {
            for (int open = text.indexOf(MARK_START); open >= 0; open = text.indexOf(MARK_START, open + 1)) {
                int close = text.indexOf(']', open);
                if (close >= 0) spans.add(new int[] {open, close}); // an unclosed one is no mark
            }
        }

        /** Whether {@code at} lies in a mark; {@code at} never decreases from one call to the next. */
        boolean contain(int at) {
            while (next < spans.size() && spans.get(next)[1] < at) next++;
            return next < spans.size() && spans.get(next)[0] <= at;
        }
    }
}
