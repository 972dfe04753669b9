package dev.evalbench.core.text;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The names a mistyped one most likely meant ("custom" → "customs", "t0002" → "t002"), for an error message's
 * "did you mean". Closeness is the number of characters changed between the two, as java-diff-utils' Myers diff
 * counts them; a name is near when that is at most a third of the typed name's length (at least one). Pure.
 */
public final class NearestNames {
    /** Suggestions given at most. */
    public static final int MOST = 3;

    private NearestNames() {}

    /** Up to {@value #MOST} of {@code known} nearest to {@code typed}, nearest first (then by name); empty if none is near. */
    public static List<String> to(String typed, Collection<String> known) {
        int limit = Math.max(1, typed.length() / 3);
        List<Scored> near = new ArrayList<>();
        List<Character> wanted = chars(typed);
        for (String name : known) {
            if (Math.abs(name.length() - typed.length()) > limit || name.equals(typed)) continue;
            int changed = changed(wanted, chars(name));
            if (changed <= limit) near.add(new Scored(name, changed));
        }
        return near.stream().sorted(Comparator.comparingInt(Scored::changed).thenComparing(Scored::name))
                .limit(MOST).map(Scored::name).toList();
    }

    private record Scored(String name, int changed) {}

    /** Characters changed: each delta counts its longer side (a replacement of two by three is three). */
    private static int changed(List<Character> a, List<Character> b) {
        int n = 0;
        for (AbstractDelta<Character> delta : DiffUtils.diff(a, b).getDeltas()) {
            n += Math.max(delta.getSource().size(), delta.getTarget().size());
        }
        return n;
    }

    private static List<Character> chars(String s) {
        List<Character> out = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); i++) out.add(s.charAt(i));
        return out;
    }
}
