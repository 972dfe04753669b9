package dev.evalbench.app.fx;

import dev.evalbench.core.compare.DiffSegment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyledSegment;

/**
 * A diff line's segments as RichTextFX's styled segments: its changed words in {@code marked}, the rest plain, and
 * neighbouring segments of one style merged, so a line has as few text nodes as it can (each is a node with its CSS).
 * Pure.
 */
public final class StyledRuns {
    private static final List<String> PLAIN = List.of();

    private StyledRuns() {}

    /**
     * @param markWords whether changed segments are marked at all (a whole line removed or added has no words to mark)
     * @return at least one segment: an empty plain one for an empty line
     */
    public static List<StyledSegment<String, Collection<String>>> of(List<DiffSegment> parts, boolean markWords,
            Collection<String> marked) {
        List<StyledSegment<String, Collection<String>>> out = new ArrayList<>(parts.size());
        StringBuilder run = new StringBuilder();
        boolean runChanged = false;
        for (DiffSegment s : parts) {
            boolean changed = markWords && s.changed();
            if (changed != runChanged && run.length() > 0) {
                out.add(new StyledSegment<>(run.toString(), runChanged ? marked : PLAIN));
                run.setLength(0);
            }
            runChanged = changed;
            run.append(s.text());
        }
        if (run.length() > 0 || out.isEmpty()) out.add(new StyledSegment<>(run.toString(), runChanged ? marked : PLAIN));
        return out;
    }
}
