package dev.evalbench.app.workspace;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The open workspace as files, grouped (workspace files, prompts, datasets, schemas, ...); a prompt shows its
 * revision ("triage.yaml  r4"). Double-click or Enter opens a file. Controls only: the caller lists the
 * files off the UI thread and calls {@link #show}. FX thread only.
 */
public final class WorkspaceTreeView extends BorderPane {
    /** A row: a group (null file) or a workspace-relative file. */
    record Entry(String label, String file) {}

    final TreeView<Entry> tree = new TreeView<>();
    private List<Object> shown;

    public WorkspaceTreeView(Consumer<String> open) {
        Label title = new Label("WORKSPACE");
        title.getStyleClass().add("text-muted");
        title.setStyle("-fx-padding: 4 6 4 6;");
        setTop(title);
        tree.setId("workspace-tree");
        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>(new Entry("", null)));
        tree.setCellFactory(v -> new TreeCell<>() {
            @Override
            protected void updateItem(Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.label());
                setGraphic(empty || entry == null ? null : new FontIcon(entry.file() == null ? "fth-folder" : "fth-file-text"));
            }
        });
        tree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) openSelected(open);
        });
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) openSelected(open);
        });
        setCenter(tree);
    }

    private void openSelected(Consumer<String> open) {
        TreeItem<Entry> item = tree.getSelectionModel().getSelectedItem();
        if (item != null && item.getValue().file() != null) open.accept(item.getValue().file());
    }

    /** Puts {@code header} where the "WORKSPACE" title is (the workspace switcher). */
    public void setHeader(javafx.scene.Node header) {
        setTop(header);
    }

    /** Shows these groups; {@code revisions} labels prompt files with their revision. Groups stay expanded. */
    public void show(List<WorkspaceFileList.Group> groups, Map<String, Integer> revisions) {
        // rebuilding an unchanged tree would lose the selection and scroll position for nothing
        List<Object> listing = List.of(groups, revisions);
        if (listing.equals(shown)) return;
        shown = listing;
        TreeItem<Entry> root = new TreeItem<>(new Entry("", null));
        for (WorkspaceFileList.Group group : groups) {
            TreeItem<Entry> item = new TreeItem<>(new Entry(group.name(), null));
            item.setExpanded(true);
            for (String file : group.files()) {
                String name = file.substring(file.lastIndexOf('/') + 1);
                Integer rev = revisions.get(file);
                item.getChildren().add(new TreeItem<>(new Entry(rev == null ? name : name + "  r" + rev, file)));
            }
            root.getChildren().add(item);
        }
        tree.setRoot(root);
    }
}
