package dev.evalbench.app.compare;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Asks which two runs to compare: the first (the baseline side) and the second, each from the history or the
 * runs opened from files; OK is off while both name the same run. Preselects the pair given ({@link FirstPair}),
 * else the second-newest and the newest.
 * FX thread only.
 */
final class RunPicker {
    private RunPicker() {}

    /** The chosen pair (first, second), or empty when cancelled or fewer than two runs exist (then nothing is asked). */
    static Optional<RunChoice[]> ask(Window owner, List<RunChoice> choices, FirstPair preselected) {
        if (choices.size() < 2) return Optional.empty();
        ComboBox<RunChoice> first = new ComboBox<>();
        ComboBox<RunChoice> second = new ComboBox<>();
        first.setId("pick-first");
        second.setId("pick-second");
        first.getItems().setAll(choices);
        second.getItems().setAll(choices);
        first.setValue(choices.get(1));
        second.setValue(choices.get(0));
        if (preselected != null) {
            choices.stream().filter(c -> c.runId().equals(preselected.first())).findFirst().ifPresent(first::setValue);
            choices.stream().filter(c -> c.runId().equals(preselected.second())).findFirst().ifPresent(second::setValue);
        }
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("First run (baseline side)"), first);
        grid.addRow(1, new Label("Second run"), second);
        // Never narrower than its words: the dialog cut the first label to "First run (baseline …" and the run's
        // time to "2026-11-30 1…".
        for (var child : grid.getChildren()) {
            if (child instanceof javafx.scene.layout.Region r) r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Compare two runs");
        dialog.getDialogPane().setId("pick-runs");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        // A run against itself differs in nothing and would read "no regression to review": not a comparison.
        Label same = new Label("Both sides are the same run: choose two different runs.");
        same.setId("pick-same");
        same.getStyleClass().add("text-muted");
        grid.add(same, 0, 2, 2, 1);
        javafx.beans.binding.BooleanBinding sameRun = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> first.getValue() != null && second.getValue() != null
                        && first.getValue().runId().equals(second.getValue().runId()),
                first.valueProperty(), second.valueProperty());
        same.visibleProperty().bind(sameRun);
        same.managedProperty().bind(sameRun);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(sameRun);
        return dialog.showAndWait().filter(b -> b == ButtonType.OK && first.getValue() != null && second.getValue() != null)
                .map(b -> new RunChoice[] {first.getValue(), second.getValue()});
    }
}
