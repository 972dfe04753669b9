package dev.evalbench.app.author;

import dev.evalbench.app.fx.LatestOnly;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.workspace.WorkspaceSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The workspace pane's title: the open workspace's folder name, and a menu of the workspaces opened before (the
 * most recent first, those still holding an {@code evalbench.yaml}), "Open another workspace folder…" (Ctrl+O) and
 * "New workspace…" (Ctrl+N).
 * Each workspace opened is put first in {@code recent}, the settings' list, kept to {@value #KEPT}; which of them
 * still exist is read off the FX thread when one opens. FX thread only.
 */
final class WorkspaceSwitcher extends MenuButton {
    static final int KEPT = 8;
    /** Which recent workspaces still exist: the newest question's answer wins. */
    private final LatestOnly reading;
    private final List<String> recent;
    private final Consumer<Path> open;
    private final Runnable choose;
    private final Runnable create;

    /**
     * @param recent the settings' list of recent workspaces (absolute paths), changed here
     * @param open   opens a workspace folder (asking about unsaved edits first)
     * @param choose asks for a workspace folder and opens it
     * @param create asks for a folder, makes a new workspace there and opens it
     */
    WorkspaceSwitcher(TaskRunner runner, WorkspaceSession session, List<String> recent, Consumer<Path> open, Runnable choose,
                      Runnable create) {
        setMnemonicParsing(false);
        this.reading = new LatestOnly(runner);
        this.recent = recent;
        this.open = open;
        this.choose = choose;
        this.create = create;
        setId("workspace-switcher");
        getStyleClass().addAll(atlantafx.base.theme.Styles.FLAT, atlantafx.base.theme.Styles.SMALL);
        setGraphic(new FontIcon("fth-folder"));
        setTooltip(new Tooltip("Open a recent workspace, or another folder (Ctrl+O), or make a new one (Ctrl+N)"));
        setMaxWidth(Double.MAX_VALUE);
        showing(session.folder());
        session.folderProperty().addListener((o, was, now) -> showing(now));
    }

    /** {@code folder} (null: none) is the workspace now open. */
    private void showing(Path folder) {
        setText(folder == null ? "No workspace" : String.valueOf(folder.getFileName()));
        if (folder != null) {
            String path = folder.toAbsolutePath().normalize().toString();
            recent.remove(path);
            recent.add(0, path);
            while (recent.size() > KEPT) recent.remove(recent.size() - 1);
        }
        List<String> others = new ArrayList<>(recent);
        if (folder != null) others.remove(0);
        reading.submit(() -> others.stream().map(Path::of).filter(p -> Files.isRegularFile(p.resolve("evalbench.yaml"))).toList(),
                this::offer, e -> offer(List.of()));
    }

    private void offer(List<Path> workspaces) {
        List<MenuItem> items = new ArrayList<>();
        for (Path ws : workspaces) {
            MenuItem item = new MenuItem(ws.getFileName() + "   " + ws);
            item.setOnAction(e -> open.accept(ws));
            items.add(item);
        }
        if (!items.isEmpty()) items.add(new SeparatorMenuItem());
        MenuItem other = new MenuItem("Open another workspace folder…   Ctrl+O");
        other.setId("workspace-open-other");
        other.setOnAction(e -> choose.run());
        items.add(other);
        MenuItem made = new MenuItem("New workspace…   Ctrl+N");
        made.setId("workspace-new");
        made.setOnAction(e -> create.run());
        items.add(made);
        // Folder names are read as written: "my_evals", not "_" taken as a mnemonic ("myevals").
        items.forEach(i -> i.setMnemonicParsing(false));
        getItems().setAll(items);
    }
}
