package dev.evalbench.app.workspace;

import dev.evalbench.app.fx.ContextMenuKeys;
import dev.evalbench.app.fx.TypeAhead;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The open workspace as files, grouped (workspace files, prompts, datasets, schemas, ...); a prompt shows its
 * revision ("triage.yaml  r4"). Typing a file's name selects it; double-click or Enter opens it; its menu (right
 * click, Shift+F10) opens it, shows its folder in the desktop's file manager or copies its path, and a group's shows
 * or copies its folder.
 * Controls only: the caller lists the files off the UI thread and calls {@link #show}, and does what the menu
 * asks. FX thread only.
 */
public final class WorkspaceTreeView extends BorderPane {
    /** A row: a group (null file) or a workspace-relative file, and the problem the file has (null: none). */
    record Entry(String label, String file, Mark mark) {
        Entry(String label, String file) {
            this(label, file, null);
        }
    }

    /**
     * What the Problems panel says of a file, shown on its row: the first problem ({@code warning} false), else the
     * first warning, as the panel words it.
     */
    public record Mark(String text, boolean warning) {}

    /**
     * What the tree's rows ask for, each given a workspace-relative path with '/' separators: a file to
     * {@code open}; a folder ("" is the workspace's own) to show in the desktop's file manager; a file or folder
     * whose path to copy. Called on the FX thread.
     */
    public record Actions(Consumer<String> open, Consumer<String> showFolder, Consumer<String> copyPath) {}

    final TreeView<Entry> tree = new TreeView<>();
    private List<Object> shown;

    public WorkspaceTreeView(Actions actions) {
        Consumer<String> open = actions.open();
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
                getStyleClass().removeAll("tree-problem", "tree-warning");
                setText(empty || entry == null ? null : entry.label());
                setTooltip(null);
                if (empty || entry == null) {
                    setGraphic(null);
                } else if (entry.mark() == null) {
                    setGraphic(new FontIcon(entry.file() == null ? "fth-folder" : "fth-file-text"));
                } else {
                    // The file's problem where the author looks for the file, as an editor's tree marks it.
                    boolean warning = entry.mark().warning();
                    FontIcon icon = new FontIcon(warning ? "fth-alert-triangle" : "fth-x-circle");
                    // Added to the icon's own style, which names its font: replaced, the glyph was a box.
                    String colour = warning ? "-color-warning-fg" : "-color-danger-fg";
                    icon.setStyle(icon.getStyle() + "-fx-icon-color: " + colour + ";");
                    setGraphic(icon);
                    getStyleClass().add(warning ? "tree-warning" : "tree-problem");
                    setTooltip(new javafx.scene.control.Tooltip((warning ? "warning: " : "") + entry.mark().text()));
                }
            }
        });
        tree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) openSelected(open);
        });
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) openSelected(open);
        });
        // Typing a file's name selects it, as a file manager's list does: a workspace with traffic captures and
        // models has more files than the pane shows.
        TypeAhead<TreeItem<Entry>> typeAhead = new TypeAhead<>(item -> item.getValue().label(), item -> item.getValue().file());
        tree.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if (!TypeAhead.isText(e.getCharacter(), e.isShortcutDown(), e.isAltDown())) return;
            TreeItem<Entry> match = typeAhead.type(fileRows(), e.getCharacter(), System.currentTimeMillis());
            if (match != null) selectInView(tree.getRow(match));
            e.consume();
        });
        ContextMenu menu = menu(actions);
        tree.setContextMenu(menu);
        ContextMenuKeys.install(tree, menu, () -> tree.getSelectionModel().getSelectedIndex());
        setCenter(tree);
    }

    private ContextMenu menu(Actions actions) {
        MenuItem open = new MenuItem("Open (Enter)", new FontIcon("fth-edit-3"));
        open.setId("tree-open");
        open.setOnAction(e -> openSelected(actions.open()));
        MenuItem folder = new MenuItem("Show in folder", new FontIcon("fth-folder"));
        folder.setId("tree-show-folder");
        folder.setOnAction(e -> selected().ifPresent(entry -> actions.showFolder().accept(folderOf(entry))));
        MenuItem copy = new MenuItem("Copy path", new FontIcon("fth-copy"));
        copy.setId("tree-copy-path");
        copy.setOnAction(e -> selected().ifPresent(entry ->
                actions.copyPath().accept(entry.file() != null ? entry.file() : folderOf(entry))));
        ContextMenu menu = new ContextMenu(open, folder, copy);
        menu.setOnShowing(e -> {
            Optional<Entry> entry = selected();
            open.setDisable(entry.map(Entry::file).isEmpty());
            folder.setDisable(entry.isEmpty());
            copy.setDisable(entry.isEmpty());
        });
        return menu;
    }

    private Optional<Entry> selected() {
        return Optional.ofNullable(tree.getSelectionModel().getSelectedItem()).map(TreeItem::getValue);
    }

    /** The folder a row stands for: a file's own, or a group's ("workspace" is the workspace folder, ""). */
    static String folderOf(Entry entry) {
        if (entry.file() == null) return entry.label().equals(WorkspaceFileList.TOP) ? "" : entry.label();
        int slash = entry.file().lastIndexOf('/');
        return slash < 0 ? "" : entry.file().substring(0, slash);
    }

    private void openSelected(Consumer<String> open) {
        TreeItem<Entry> item = tree.getSelectionModel().getSelectedItem();
        if (item != null && item.getValue().file() != null) open.accept(item.getValue().file());
    }

    /**
     * Selects {@code file}'s row and scrolls it into view, as little as needed (TreeView's own scrollTo puts the row
     * at the top, which moved the whole tree at each tab selected); the keyboard stays where it is.
     */
    public void reveal(String file) {
        rowOf(file).ifPresent(item -> selectInView(tree.getRow(item)));
    }

    /** Gives the tree the keyboard, its first file selected if nothing is. */
    public void focusTree() {
        if (tree.getSelectionModel().isEmpty()) fileRows().stream().findFirst().ifPresent(tree.getSelectionModel()::select);
        tree.requestFocus();
    }

    /** The rows that are files (not groups), top to bottom. */
    private List<TreeItem<Entry>> fileRows() {
        List<TreeItem<Entry>> files = new java.util.ArrayList<>();
        for (int row = 0; row < tree.getExpandedItemCount(); row++) {
            if (tree.getTreeItem(row).getValue().file() != null) files.add(tree.getTreeItem(row));
        }
        return files;
    }

    /** The row of workspace-relative {@code file}, if the tree lists it. */
    private Optional<TreeItem<Entry>> rowOf(String file) {
        return fileRows().stream().filter(item -> file.equals(item.getValue().file())).findFirst();
    }

    /** Selects row {@code row} alone and scrolls it into view, as little as needed. */
    private void selectInView(int row) {
        tree.getSelectionModel().clearAndSelect(row);
        if (tree.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) flow.scrollTo(row);
    }

    /**
     * Scrolls to the first row: another workspace's files are read from the top (its prompts), not from where the last
     * one's were left scrolled.
     */
    public void scrollToTop() {
        if (tree.getExpandedItemCount() > 0) tree.scrollTo(0);
    }

    /** Puts {@code header} where the "WORKSPACE" title is (the workspace switcher). */
    public void setHeader(javafx.scene.Node header) {
        setTop(header);
    }

    /**
     * Shows these groups; {@code revisions} labels prompt files with their revision, {@code marks} marks the files
     * with a problem (by workspace-relative file). Groups stay expanded.
     */
    public void show(List<WorkspaceFileList.Group> groups, Map<String, Integer> revisions, Map<String, Mark> marks) {
        // rebuilding an unchanged tree would lose the selection and scroll position for nothing
        List<Object> listing = List.of(groups, revisions, marks);
        if (listing.equals(shown)) return;
        boolean sameFiles = shown != null && shown.subList(0, 2).equals(listing.subList(0, 2));
        shown = listing;
        if (sameFiles) {
            // Only the marks moved (a problem found or fixed while the author works): the rows change in place,
            // the selection and the scroll position stay where the author left them.
            for (TreeItem<Entry> group : tree.getRoot().getChildren()) {
                for (TreeItem<Entry> row : group.getChildren()) {
                    Entry was = row.getValue();
                    Entry now = new Entry(was.label(), was.file(), marks.get(was.file()));
                    if (!now.equals(was)) row.setValue(now);
                }
            }
            return;
        }
        TreeItem<Entry> root = new TreeItem<>(new Entry("", null));
        for (WorkspaceFileList.Group group : groups) {
            TreeItem<Entry> item = new TreeItem<>(new Entry(group.name(), null));
            item.setExpanded(true);
            for (String file : group.files()) {
                String name = file.substring(file.lastIndexOf('/') + 1);
                Integer rev = revisions.get(file);
                item.getChildren().add(new TreeItem<>(new Entry(rev == null ? name : name + "  r" + rev, file, marks.get(file))));
            }
            root.getChildren().add(item);
        }
        // A file added or a revision saved rebuilds the rows: the file the author had selected stays selected.
        String selectedFile = selected().map(Entry::file).orElse(null);
        tree.setRoot(root);
        if (selectedFile != null) rowOf(selectedFile).ifPresent(tree.getSelectionModel()::select);
    }
}
