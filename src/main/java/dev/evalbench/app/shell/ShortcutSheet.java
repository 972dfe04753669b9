package dev.evalbench.app.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The keyboard sheet (F1 or Shift+?): every registered shortcut, grouped by where it acts, in one grid so the keys
 * line up, under a find field that keeps the rows whose keys, words or group hold what is typed. The sheet is never
 * taller than the screen it opens on: at 1280x800 the whole list is about 900 px and ran off both edges with no way
 * to reach the end; now it scrolls. Esc clears the find field, or closes the sheet when it is empty. FX thread only.
 */
final class ShortcutSheet {
    /** Part of the screen's usable height the sheet may take, so the window behind it still shows. */
    private static final double MAX_SCREEN_SHARE = 0.85;
    /** Room for the vertical scroll bar (AtlantaFX's is about 10 px). */
    private static final double SCROLL_BAR_ROOM = 16;

    private ShortcutSheet() {}

    /** One group's title and its rows, each row its two labels. */
    private record Group(Label title, List<Node[]> rows, List<String> texts) {}

    /** @param about the line under the list (the application's version), or "" for none */
    static Stage show(Window owner, List<Shortcuts.Entry> entries, String about) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Shortcuts.Entry e : entries) {
            Group group = groups.computeIfAbsent(e.group(), name -> {
                Label title = new Label(name);
                title.getStyleClass().add("title-4");
                return new Group(title, new ArrayList<>(), new ArrayList<>());
            });
            Label keys = new Label(e.keys().getDisplayText());
            keys.getStyleClass().add("shortcut-keys");
            keys.setMinWidth(Region.USE_PREF_SIZE); // "Ctrl+Shift+R" whole; a long description gives way instead
            group.rows().add(new Node[] {keys, new Label(e.description())});
            group.texts().add((e.group() + " " + e.keys().getDisplayText() + " " + e.description()).toLowerCase(Locale.ROOT));
        }
        GridPane grid = new GridPane();
        grid.setId("shortcut-grid");
        grid.setHgap(24);
        grid.setVgap(4);
        Label none = new Label("No shortcut matches.");
        none.setId("shortcut-none");

        TextField find = new TextField();
        find.setId("shortcut-find");
        find.setPromptText("Find a shortcut (keys or words)");
        Runnable fill = () -> {
            grid.getChildren().clear();
            String wanted = find.getText().strip().toLowerCase(Locale.ROOT);
            int row = 0;
            for (Group group : groups.values()) {
                List<Node[]> shown = new ArrayList<>();
                for (int i = 0; i < group.rows().size(); i++) {
                    if (group.texts().get(i).contains(wanted)) shown.add(group.rows().get(i));
                }
                if (shown.isEmpty()) continue;
                // A gap above every title but the first, as the groups were spaced before.
                GridPane.setMargin(group.title(), new Insets(row == 0 ? 0 : 12, 0, 0, 0));
                grid.add(group.title(), 0, row++, 2, 1);
                for (Node[] cells : shown) grid.addRow(row++, cells);
            }
            if (row == 0) grid.add(none, 0, 0, 2, 1);
        };
        find.textProperty().addListener((o, was, now) -> fill.run());
        fill.run();

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setId("shortcut-scroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox box = new VBox(12, find, scroll);
        if (!about.isEmpty()) {
            // Under the list, as a desktop application's About says which build the user runs (a bug report needs it).
            Label version = new Label(about);
            version.setId("shortcut-about");
            version.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
            box.getChildren().add(version);
        }
        box.setPadding(new Insets(16));

        // Sized to its content but never taller than most of the screen it opens on; when that cuts the height, the
        // scroll bar that appears takes its room beside the content, not out of it.
        Rectangle2D screen = screenOf(owner);
        Scene measuring = new Scene(box);
        box.applyCss();
        double height = box.prefHeight(-1);
        double width = box.prefWidth(-1);
        measuring.setRoot(new Region());
        double shownHeight = Math.min(height, screen.getHeight() * MAX_SCREEN_SHARE);
        Scene scene = new Scene(box, width + (shownHeight < height ? SCROLL_BAR_ROOM : 0), shownHeight);

        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Keyboard shortcuts");
        scene.setOnKeyPressed(k -> {
            if (k.getCode() != KeyCode.ESCAPE) return;
            if (find.getText().isEmpty()) {
                stage.close();
            } else {
                find.clear();
            }
            k.consume();
        });
        stage.setScene(scene);
        stage.setOnShown(e -> {
            // Centred on the window behind it, inside the screen.
            double x = owner.getX() + (owner.getWidth() - stage.getWidth()) / 2;
            double y = owner.getY() + (owner.getHeight() - stage.getHeight()) / 2;
            stage.setX(Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - stage.getWidth())));
            stage.setY(Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - stage.getHeight())));
            find.requestFocus(); // typing at once finds
        });
        stage.show();
        return stage;
    }

    private static Rectangle2D screenOf(Window owner) {
        List<Screen> screens = Screen.getScreensForRectangle(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()),
                Math.max(1, owner.getHeight()));
        return (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
    }
}
