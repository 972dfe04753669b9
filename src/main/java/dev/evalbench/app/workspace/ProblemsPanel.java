package dev.evalbench.app.workspace;

import dev.evalbench.core.workspace.InputError;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The problems of the open workspace, at the bottom of the window: one row per validation error with file,
 * line and column, and the count in the header ("Problems (3)"). A click (or Enter) opens the file at that
 * place. It opens itself when a problem appears and closes itself when the last one is fixed, unless the user
 * opened or closed it in between (it kept 170 px of an emptied list under the comparison). Controls only. FX
 * thread only.
 */
public final class ProblemsPanel extends TitledPane {
    final ListView<InputError> list = new ListView<>();
    /** Open because problems appeared, not because the user opened it: closes when they are gone. */
    private boolean openedForProblems;
    private boolean openingItself;

    public ProblemsPanel(ObservableList<InputError> problems, Consumer<InputError> open) {
        setId("problems-panel");
        textProperty().bind(Bindings.createStringBinding(() -> "Problems (" + problems.size() + ")", problems));
        list.setId("problems-list");
        list.setItems(problems);
        list.setPrefHeight(110);
        list.setPlaceholder(new Label("No problems: the workspace loads and every case renders."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(InputError error, boolean empty) {
                super.updateItem(error, empty);
                setText(empty || error == null ? null : error.toString());
                setGraphic(empty || error == null ? null : new FontIcon("fth-x-circle"));
            }
        });
        list.setOnMouseClicked(e -> {
            InputError chosen = list.getSelectionModel().getSelectedItem();
            if (chosen != null) open.accept(chosen);
        });
        list.setOnKeyPressed(e -> {
            InputError chosen = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && chosen != null) open.accept(chosen);
        });
        setContent(list);
        // open by default only while there is something to read
        setExpanded(!problems.isEmpty());
        openedForProblems = !problems.isEmpty();
        expandedProperty().addListener((o, was, now) -> {
            if (!openingItself) openedForProblems = false; // the user's choice from now on
        });
        problems.addListener((javafx.collections.ListChangeListener<InputError>) c -> {
            if (!problems.isEmpty() && !isExpanded()) {
                expandItself(true);
                openedForProblems = true;
            } else if (problems.isEmpty() && openedForProblems) {
                expandItself(false);
                openedForProblems = false;
            }
        });
    }

    private void expandItself(boolean expanded) {
        openingItself = true;
        try {
            setExpanded(expanded);
        } finally {
            openingItself = false;
        }
    }
}
