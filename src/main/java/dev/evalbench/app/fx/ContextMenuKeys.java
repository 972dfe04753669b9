package dev.evalbench.app.fx;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import java.util.function.IntSupplier;

/**
 * Opens a list's or table's context menu from the keyboard, as desktop applications do: Shift+F10 and the menu
 * key show it below the selected row (JavaFX opens a control's context menu on a right click only). FX thread only.
 */
public final class ContextMenuKeys {
    private ContextMenuKeys() {}

    /**
     * @param selected the index of the selected row, or -1 (the menu then opens at the control's top left)
     */
    public static void install(Control control, ContextMenu menu, IntSupplier selected) {
        control.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.CONTEXT_MENU || (e.getCode() == KeyCode.F10 && e.isShiftDown())) {
                showAtRow(control, menu, selected.getAsInt());
                e.consume();
            }
        });
    }

    private static void showAtRow(Control control, ContextMenu menu, int index) {
        Node at = control.lookupAll(".indexed-cell").stream()
                .filter(n -> n instanceof IndexedCell<?> cell && cell.getIndex() == index && cell.isVisible()
                        && !(n.getStyleClass().contains("table-cell")))
                .findFirst().map(n -> (Node) n).orElse(control);
        Bounds b = at.localToScreen(at.getLayoutBounds());
        if (b != null) menu.show(at, b.getMinX() + 24, at == control ? b.getMinY() + 24 : b.getMaxY());
    }
}
