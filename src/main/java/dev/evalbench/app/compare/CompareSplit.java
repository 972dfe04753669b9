package dev.evalbench.app.compare;

import java.util.Arrays;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;

/**
 * The heights of a comparison's three parts (overview, case list, selected case). Until the reviewer drags a
 * divider, the overview gets the height that shows all it holds, a canary's verdict and every gate row (at most
 * 45%, 62% under a verdict), each time they arrive or the view's size changes. Once dragged, the dividers stay
 * where they were put, and are kept for every comparison opened later, at this start and the next: a reviewer who
 * gave the two outputs more room on a laptop's screen did it once, not for each pull request. FX thread only.
 */
final class CompareSplit {
    /** The key under which the settings keep the dividers a reviewer dragged. */
    static final String KEY = "compare";

    private final SplitPane split;
    private final DoubleSupplier needed;
    private final DoubleSupplier listNeeded;
    private final BooleanSupplier verdictShown;
    private final Map<String, double[]> kept;
    /** True once the dividers are the reviewer's (dragged here, or kept from an earlier comparison). */
    private boolean held;
    private boolean dragging;

    private CompareSplit(SplitPane split, DoubleSupplier needed, DoubleSupplier listNeeded, BooleanSupplier verdictShown,
                         Map<String, double[]> kept) {
        this.split = split;
        this.needed = needed;
        this.listNeeded = listNeeded;
        this.verdictShown = verdictShown;
        this.kept = kept;
    }

    /**
     * @param needed     the height the first part needs to show all of itself (a canary's verdict, every gate row)
     * @param listNeeded the height the case list needs to show what is above its table and a few of its rows
     * @param verdictShown whether a canary's verdict heads the first part (then no case pairs with another)
     * @param gatesKnown changes when what the first part shows arrives (or what heads the list)
     * @param kept       where dragged dividers are kept (the settings' dividers); read now, written on each drag
     */
    static void install(SplitPane split, DoubleSupplier needed, DoubleSupplier listNeeded, BooleanSupplier verdictShown,
                        Map<String, double[]> kept, Observable... gatesKnown) {
        CompareSplit s = new CompareSplit(split, needed, listNeeded, verdictShown, kept);
        double[] before = kept.get(KEY);
        s.held = before != null && before.length == split.getDividers().size();
        if (s.held) split.setDividerPositions(before);
        // After the layout: a part that just arrived has its height only then.
        for (Observable known : gatesKnown) {
            known.addListener(o -> dev.evalbench.app.fx.AfterLayout.runIn(split, s::fit));
        }
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() instanceof Node n && onDivider(n, split)) s.dragging = true;
        });
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (!s.dragging) return;
            s.dragging = false;
            s.held = true;
            kept.put(KEY, split.getDividerPositions());
        });
        // A narrower view wraps a canary's verdict onto more lines: the first part needs more height.
        split.widthProperty().addListener(o -> dev.evalbench.app.fx.AfterLayout.runIn(split, s::fit));
        split.heightProperty().addListener((o, was, now) -> {
            if (now.doubleValue() <= 0) return;
            // The kept fractions again at the first real height: the split pane's first layout may move them.
            if (s.held && was.doubleValue() == 0 && kept.get(KEY) != null) split.setDividerPositions(kept.get(KEY));
            else s.fit();
        });
    }

    /** Whether {@code n} is (inside) one of {@code split}'s dividers. */
    private static boolean onDivider(Node n, SplitPane split) {
        for (Node at = n; at != null && at != split; at = at.getParent()) {
            if (at.getStyleClass().contains("split-pane-divider")) return true;
        }
        return false;
    }

    /**
     * Puts the first divider where the first part shows all it holds (at most 45% of the view), keeping the list's
     * share below it (a third, or what shows the metric movements, the filter and three rows), unless the reviewer's
     * dividers hold. The overview has no minimum height that would hold the divider down: on a laptop's 800 pixels
     * the nine gates left the list three rows and the case a few lines, and a reviewer walking regressions reads the
     * case, not the gates. On a shorter view the overview gives way first (its gates scroll), the selected case
     * keeping a fifth: at 1280 x 720 the gates and two lines of movements left the list no row. Under a canary's
     * verdict the first part may take 62% and the list keeps what it needs from 22%: the verdict and the gates are
     * what a canary is judged by, and its list pairs no request with another (at 1440 x 900 the verdict left the
     * gates below the part's edge, to be scrolled to).
     */
    private void fit() {
        double height = split.getHeight();
        if (held || height <= 0) return;
        boolean verdict = verdictShown.getAsBoolean();
        // + the divider's own height and the table's borders, which the positions do not count.
        double needed = Math.min((verdict ? 0.62 : 0.45) * height, this.needed.getAsDouble() + 16);
        double list = Math.max(verdict ? 0.22 : 0.32, (listNeeded.getAsDouble() + 8) / height);
        double first = Math.max(0.15, Math.min(needed / height, 0.80 - list));
        double[] positions = {first, Math.min(0.85, first + list)};
        split.setDividerPositions(positions);
        // The split's skin may move them once more as it lays out parts whose contents changed in the same pulse (a
        // canary's verdict and gates arriving together): put them back after that layout, once.
        dev.evalbench.app.fx.AfterLayout.runIn(split, () -> {
            if (!held && !Arrays.equals(split.getDividerPositions(), positions)) split.setDividerPositions(positions);
        });
    }
}
