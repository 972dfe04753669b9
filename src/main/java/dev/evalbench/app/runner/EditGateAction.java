package dev.evalbench.app.runner;

import dev.evalbench.app.fx.ContextMenuKeys;
import dev.evalbench.app.gates.GateRow;
import dev.evalbench.app.gates.GatedRun;
import dev.evalbench.app.gates.GatesView;
import dev.evalbench.app.results.ResultsView;
import dev.evalbench.core.gate.GateRoutes;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.MenuItem;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Edit this gate in gates.yaml" in the menu of a run's gates (right click, Shift+F10): a threshold read as too strict
 * or too loose is changed where it is written, the gates file opened in its editor at the gate's line; the run's tab
 * then offers it judged with the gates as saved. Not for a report's recorded gates, which no file here holds. FX
 * thread only.
 */
public final class EditGateAction {
    private EditGateAction() {}

    /** @param edit opens the gates file at gate {@code id}'s line (the author's feature) */
    public static void install(ResultsView view, ObservableValue<GatedRun> gated, Consumer<String> edit) {
        if (!(view.gates() instanceof GatesView gates)) return;
        MenuItem item = new MenuItem("Edit this gate in gates.yaml", new FontIcon("fth-edit-2"));
        item.setId("gates-edit");
        item.setOnAction(e -> {
            GateRow row = gates.table().getSelectionModel().getSelectedItem();
            // A route's verdict ("schema@openai") is of the gate the file defines once for every route.
            if (row != null) edit.accept(GateRoutes.gateOf(row.id()));
        });
        gates.contextMenu().getItems().add(item);
        ContextMenuKeys.install(gates.table(), gates.contextMenu(), () -> gates.table().getSelectionModel().getSelectedIndex());
        gates.contextMenu().addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> {
            GatedRun run = gated.getValue();
            item.setDisable(gates.table().getSelectionModel().getSelectedItem() == null || run == null || run.recorded());
        });
    }
}
