package dev.evalbench.app.editor;

import dev.evalbench.app.fx.UnifiedDiffView;
import dev.evalbench.core.compare.UnifiedLine;
import dev.evalbench.core.service.PromptVersion;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The revision history beside an editor: every version (select one to diff it against the file now, two to
 * diff them; one that does not load says why and cannot be rolled back to), the unified diff ({@link UnifiedDiffView}:
 * removed and added lines tinted, the words that changed in a line marked), and "Roll back" to the selected one.
 * Controls only; {@link RevisionHistoryModel} does the work. FX thread only.
 */
final class RevisionHistoryView extends VBox {
    final ListView<PromptVersion> versions = new ListView<>();
    final UnifiedDiffView diff = new UnifiedDiffView();

    RevisionHistoryView(RevisionHistoryModel model) {
        super(6);
        setId("revision-history");
        Label title = new Label("Revision history");
        title.getStyleClass().add("title-4");
        versions.setId("revision-list");
        versions.setItems(model.versions());
        versions.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        versions.setCellFactory(list -> {
            ListCell<PromptVersion> cell = new ListCell<>() {
                @Override
                protected void updateItem(PromptVersion v, boolean empty) {
                    super.updateItem(v, empty);
                    String problem = empty || v == null ? "" : model.problemOf(v);
                    setText(empty || v == null ? null : label(v, problem));
                    setTooltip(empty || v == null ? null : new Tooltip(label(v, problem)));
                    // Marked where the author chooses what to roll back to: it would not load, and is refused.
                    getStyleClass().remove("revision-broken");
                    if (!problem.isEmpty()) getStyleClass().add("revision-broken");
                }
            };
            // A changelog is longer than the pane is wide: wrapped within the list's width, every word in sight,
            // where one long line was cut at the pane's edge behind a sideways scroll bar. The tooltip stays.
            // A preferred width of 0 lets the list size the cell to its own width, and its height to the wrapped text.
            cell.setWrapText(true);
            cell.setPrefWidth(0);
            cell.getStyleClass().add("revision-cell"); // editor.css: its height follows the wrapped text
            return cell;
        });
        versions.setPrefHeight(160);
        versions.getSelectionModel().getSelectedItems().addListener((ListChangeListener<PromptVersion>) c -> showDiff(model));
        Button rollback = new Button("Roll back", new FontIcon("fth-rotate-ccw"));
        rollback.setId("rollback");
        rollback.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            PromptVersion chosen = versions.getSelectionModel().getSelectedItem();
            return chosen == null || !model.problemOf(chosen).isEmpty();
        }, versions.getSelectionModel().selectedItemProperty()));
        rollback.setOnAction(e -> model.rollback(versions.getSelectionModel().getSelectedItem()));
        // What the edits not yet saved change, as an editor's "local changes" shows them: asked before a save's
        // changelog line is written.
        Button unsaved = new Button("Unsaved changes", new FontIcon("fth-file-text"));
        unsaved.setId("unsaved-changes");
        unsaved.disableProperty().bind(model.editorDirtyProperty().not());
        unsaved.setOnAction(e -> {
            versions.getSelectionModel().clearSelection();
            model.diffUnsaved();
        });
        Label diffTitle = new Label();
        diffTitle.setWrapText(true);
        diffTitle.textProperty().bind(model.diffTitleProperty());
        diff.setId("revision-diff");
        model.diffLines().addListener((ListChangeListener<UnifiedLine>) c -> diff.show(model.diffLines()));
        diff.setPlaceholder("Select a revision to see what changed since it, or two to compare them.");
        VBox.setVgrow(diff, Priority.ALWAYS);
        getChildren().addAll(title, versions, new HBox(6, rollback, unsaved), diffTitle, diff);
        setStyle("-fx-padding: 6;");
    }

    /** "r5 · run 20261129-1041-ab12 · Tighten refund rule", and why it does not load when {@code problem} says. */
    static String label(PromptVersion v, String problem) {
        String rev = v.revision() < 0 ? "r?" : "r" + v.revision();
        return rev + " · " + v.origin() + (v.changelog().isEmpty() ? "" : " · " + v.changelog())
                + (problem.isEmpty() ? "" : " · does not load, " + problem);
    }

    /** One version: against the file now; two: the older against the newer. */
    private void showDiff(RevisionHistoryModel model) {
        List<PromptVersion> chosen = List.copyOf(versions.getSelectionModel().getSelectedItems());
        if (chosen.isEmpty() || model.versions().isEmpty()) return;
        PromptVersion a = chosen.get(0);
        PromptVersion b = chosen.size() > 1 ? chosen.get(1) : model.versions().get(0);
        boolean aOlder = model.versions().indexOf(a) >= model.versions().indexOf(b);
        model.diff(aOlder ? a : b, aOlder ? b : a);
    }
}
