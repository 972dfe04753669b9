package dev.evalbench.core.eval;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * The normalize steps of an extraction field, applied to text (the expected and the output value alike, so
 * neither side is favoured). A step that cannot apply leaves the text as it is: an unreadable date stays
 * the text it was and so still differs from a real one. Pure and thread-safe.
 *
 * <ul>
 *   <li>{@code trim}: outer white space, Unicode-aware (no-break spaces too).</li>
 *   <li>{@code casefold}: lower case in the root locale.</li>
 *   <li>{@code digits_only}: keeps the ASCII digits 0-9 (an IBAN or a phone number with its spaces and dashes
 *       dropped; letters go too).</li>
 *   <li>{@code date}: a date written as {@code 2026-03-07}, {@code 07.03.2026}, {@code 7/3/2026} (day first,
 *       as outside the US), {@code 7 March 2026}, {@code 7 Mar 2026}, {@code March 7, 2026} or
 *       {@code Mar 7, 2026} becomes {@code 2026-03-07}; English month names, any case.</li>
 * </ul>
 */
public final class FieldNormalizers {
    public static final List<String> STEPS = List.of("trim", "casefold", "digits_only", "date");

    private static final List<DateTimeFormatter> DATES = List.of(
            date("uuuu-M-d"), date("d.M.uuuu"), date("d/M/uuuu"), date("d MMMM uuuu"), date("d MMM uuuu"),
            date("MMMM d, uuuu"), date("MMM d, uuuu"), date("d-MMM-uuuu"));

    private FieldNormalizers() {}

    /** The text after every step in order. */
    public static String apply(String text, List<String> steps) {
        String out = text;
        for (String step : steps) {
            out = switch (step) {
                case "trim" -> out.strip().replaceAll("^[\\u00A0\\u202F]+|[\\u00A0\\u202F]+$", "");
                case "casefold" -> out.toLowerCase(Locale.ROOT);
                case "digits_only" -> out.replaceAll("[^0-9]", "");
                case "date" -> isoDate(out);
                default -> throw new IllegalArgumentException("unknown normalize step " + step);
            };
        }
        return out;
    }

    /** The date as ISO yyyy-MM-dd, or the text unchanged when no known form reads it. */
    static String isoDate(String text) {
        String t = text.strip();
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(t, f).toString();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return text;
    }

    private static DateTimeFormatter date(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }
}
