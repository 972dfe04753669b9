package dev.evalbench.core.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The names a mistyped one most likely meant ("custom" → "customs", "mian" → "main", "t0002" → "t002"), for an
 * error message's "did you mean". Closeness is the edit distance with adjacent transpositions (optimal string
 * alignment: a letter added, dropped, changed, or two swapped, each one edit), the typist's usual slips; a line
 * diff (java-diff-utils, on the class path) counts a swap as two and found "mian" no nearer to "main" than to
 * "mint". A name is near when it is at most a third of the typed name's length away (at least one edit). Pure.
 */
public final class NearestNames {
    /** Suggestions given at most. */
    public static final int MOST = 3;

    private NearestNames() {}

    /** Up to {@value #MOST} of {@code known} nearest to {@code typed}, nearest first (then by name); empty if none is near. */
    public static List<String> to(String typed, Collection<String> known) {
        int limit = Math.max(1, typed.length() / 3);
        List<Scored> near = new ArrayList<>();
        for (String name : known) {
            if (Math.abs(name.length() - typed.length()) > limit || name.equals(typed)) continue;
            int edits = edits(typed, name);
            if (edits <= limit) near.add(new Scored(name, edits));
        }
        return near.stream().sorted(Comparator.comparingInt(Scored::edits).thenComparing(Scored::name))
                .limit(MOST).map(Scored::name).toList();
    }

    /** "did you mean t002? " (with its trailing space, to go before more words) when a name is near, else "". */
    public static String didYouMean(String typed, Collection<String> known) {
        List<String> near = to(typed, known);
        return near.isEmpty() ? "" : "did you mean " + String.join(" or ", near) + "? ";
    }

    private record Scored(String name, int edits) {}

    /** Edits from {@code a} to {@code b}: insertions, deletions, substitutions and adjacent swaps, one each. */
    static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
