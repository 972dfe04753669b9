package dev.evalbench.app.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;

/** The keyboard sheet (F1 or Shift+?): every registered shortcut, grouped by where it acts. Esc closes it. */
final class ShortcutSheet {
    private ShortcutSheet() {}

    static void show(Window owner, List<Shortcuts.Entry> entries) {
        Map<String, GridPane> groups = new LinkedHashMap<>();
        for (Shortcuts.Entry e : entries) {
            GridPane grid = groups.computeIfAbsent(e.group(), g -> {
                GridPane p = new GridPane();
                p.setHgap(24);
                p.setVgap(4);
                return p;
            });
            Label keys = new Label(e.keys().getDisplayText());
            keys.getStyleClass().add("shortcut-keys");
            grid.addRow(grid.getRowCount(), keys, new Label(e.description()));
        }
        VBox box = new VBox(12);
        box.setPadding(new Insets(16));
        groups.forEach((name, grid) -> {
            Label title = new Label(name);
            title.getStyleClass().add("title-4");
            box.getChildren().addAll(title, grid);
        });
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Keyboard shortcuts");
        Scene scene = new Scene(box);
        scene.setOnKeyPressed(k -> {
            if (k.getCode() == KeyCode.ESCAPE) stage.close();
        });
        stage.setScene(scene);
        stage.show();
    }
}
