package dev.evalbench.app.fx;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A bar of controls on one row while its width holds them, on two when it does not: its {@link #group()} (a filter's
 * choice boxes) goes under the rest. One row held wider than its place was cut off at its right end, and what stood
 * there with it (the count of cases the filter shows, the run's actions beside the bar); a window 1,100 pixels wide
 * gave the results' filter 500 pixels of the 530 it needed, and its text field had been squeezed to nothing before.
 * Its minimum width is that of the wider of the two rows, so the window can give it less than one row's. Fill the
 * group, and put it and the other controls in {@link #row()}. FX thread only.
 */
public class TwoRowBar extends VBox {
    /** Beyond the controls' least widths, what one row leaves a filter's text field to type in. */
    static final double ROOM_TO_TYPE = 80;

    private final HBox row;
    private final HBox group;
    private int at = -1;

    /** @param spacing between controls, and between the rows */
    public TwoRowBar(double spacing) {
        super(spacing);
        group = new HBox(spacing);
        group.setAlignment(Pos.CENTER_LEFT);
        row = new HBox(spacing);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(row);
        // Measured once laid out: a control that just appeared has no style yet, nor its width.
        widthProperty().addListener((o, was, now) -> AfterLayout.runIn(this, this::fit));
        row.getChildren().addListener((javafx.collections.ListChangeListener<Node>) c -> AfterLayout.runIn(this, this::fit));
    }

    /** The one row (without the group while it is under it). */
    public HBox row() {
        return row;
    }

    /** The controls that go under the rest when the row is narrow, in their own order. */
    public HBox group() {
        return group;
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + Math.max(rest(), group.minWidth(-1)) + in.getRight();
    }

    /** The least width of the row without the group. */
    private double rest() {
        return row.minWidth(-1) - (groupInRow() ? group.minWidth(-1) + row.getSpacing() : 0);
    }

    private boolean groupInRow() {
        return group.getParent() == row;
    }

    private void fit() {
        if (getWidth() <= 0) return;
        Insets in = getInsets();
        // One row while it holds every control at its least width and leaves the text field room to type in.
        double oneRow = rest() + row.getSpacing() + group.minWidth(-1) + ROOM_TO_TYPE;
        boolean narrow = getWidth() - in.getLeft() - in.getRight() < oneRow;
        if (narrow && groupInRow()) {
            at = row.getChildren().indexOf(group);
            row.getChildren().remove(group);
            getChildren().add(group);
        } else if (!narrow && !groupInRow() && at >= 0) {
            getChildren().remove(group);
            row.getChildren().add(Math.min(at, row.getChildren().size()), group);
        }
    }
}
