package dev.evalbench.core.mask;

import java.util.regex.Pattern;

/**
 * How a case's restricted value is found in a text: ignoring case and ignoring white space anywhere in
 * either, so {@code DE89 3704 0044 0532 0130 00} also finds {@code de89370400440532013000} and the other way
 * round. The one rule the decision layer, the safety checks and the outbound masking share. Stateless.
 */
public final class RestrictedValuePattern {
    /** White space a writer or a model may put between the characters of a value. */
    private static final String GAP = "[\\s\\u00A0\\u202F]*";

    private RestrictedValuePattern() {}

    /** The pattern of a value; null for a blank value, which would match everything. */
    public static Pattern of(String value) {
        if (value == null || value.isBlank()) return null;
        StringBuilder regex = new StringBuilder();
        value.codePoints().filter(cp -> !Character.isWhitespace(cp) && cp != 0xA0 && cp != 0x202F).forEach(cp -> {
            if (regex.length() > 0) regex.append(GAP);
            regex.append(Pattern.quote(new String(Character.toChars(cp))));
        });
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
