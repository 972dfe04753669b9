package dev.evalbench.app.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;

/**
 * A combo box of the key folder's private keys, bound both ways to the key a form uses (to sign a report, to
 * approve one). The box has a list of its own, filled from the key folder's in one change with the choice set
 * again while the box's answer is not listened to: bound to the folder's list itself, the box emptied its choice
 * whenever the folder was listed again, and a pair just made there, chosen for the user, was gone by the time its
 * listing came. A key chosen for the user (that pair, another file) is listed and shown chosen. FX thread only.
 */
final class KeyChoice {
    private KeyChoice() {}

    /**
     * @param keys        the key folder's private keys (replaced when the folder is listed again)
     * @param chosen      the form's key: null for none
     * @param noneOffered whether "none" (null, shown by the box's cells) is a choice of the list
     */
    static void bind(ComboBox<Path> box, ObservableList<Path> keys, ObjectProperty<Path> chosen, boolean noneOffered) {
        boolean[] filling = {false};
        Runnable fill = () -> {
            Path keep = chosen.get();
            List<Path> items = new ArrayList<>();
            if (noneOffered) items.add(null);
            items.addAll(keys);
            if (keep != null && !items.contains(keep)) items.add(keep);
            filling[0] = true;
            try {
                box.getItems().setAll(items);
                box.getSelectionModel().select(items.indexOf(keep));
            } finally {
                filling[0] = false;
            }
        };
        keys.addListener((ListChangeListener<Path>) c -> fill.run());
        fill.run();
        box.valueProperty().addListener((o, was, now) -> {
            if (!filling[0]) chosen.set(now);
        });
        chosen.addListener((o, was, now) -> {
            if (box.getValue() != now) fill.run();
        });
    }
}
