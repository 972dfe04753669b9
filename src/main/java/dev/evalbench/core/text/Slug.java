package dev.evalbench.core.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A name people typed, as a file or workspace name: lower case, accents dropped, every run of other characters one
 * hyphen, none at either end ("Zoë O'Brien" gives {@code zoe-o-brien}, "Team Evals" {@code team-evals}). Stateless.
 */
public final class Slug {
    private Slug() {}

    /** {@code text} as a slug, or {@code fallback} when nothing is left (or {@code text} is null). */
    public static String of(String text, String fallback) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? fallback : slug;
    }
}
