package dev.evalbench.app.runner;

import dev.evalbench.app.gates.GatedRun;
import dev.evalbench.app.results.ResultsView;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.service.RunAgain;
import java.util.function.BiConsumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.MenuItem;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Edit this case in its dataset" in a run's results menu: a failing case whose expected value is what is wrong (a
 * ticket labelled billing that is about shipping) is mended where it is kept, its dataset's tab opened on it with the
 * edit under the table. Not for a traffic or shadow run, whose cases are production's requests, in no dataset. FX
 * thread only.
 */
public final class EditCaseAction {
    private EditCaseAction() {}

    /** @param edit opens the case's dataset to edit it, given the suite and the case id (the author's feature) */
    public static void install(ResultsView view, ObservableValue<GatedRun> gated, BiConsumer<String, String> edit) {
        MenuItem item = new MenuItem("Edit this case in its dataset", new FontIcon("fth-edit-2"));
        item.setId("results-edit-case");
        item.setOnAction(e -> {
            CaseSummary s = view.table().getSelectionModel().getSelectedItem();
            if (s != null) edit.accept(s.key().suite(), s.key().caseId());
        });
        // Below the runs again and above the copy, where the view's menu keeps its own items.
        int copy = view.contextMenu().getItems().stream().map(MenuItem::getId).toList().indexOf("results-copy-id");
        view.contextMenu().getItems().add(Math.max(copy, 0), item);
        view.contextMenu().addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> {
            GatedRun run = gated.getValue();
            item.setDisable(view.table().getSelectionModel().getSelectedItem() == null
                    || run != null && !RunAgain.runnable(run.header()));
        });
    }
}
