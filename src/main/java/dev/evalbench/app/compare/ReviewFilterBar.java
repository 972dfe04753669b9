package dev.evalbench.app.compare;

import dev.evalbench.app.fx.AnyChoice;
import dev.evalbench.app.fx.FilterField;

import atlantafx.base.theme.Styles;
import dev.evalbench.app.results.CaseFilter;
import dev.evalbench.core.compare.ReviewStatus;
import java.util.Arrays;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The comparison's filter bar: free text (plain or regex), status, verdict, suite, tag and failure kind, the
 * scope when a metric's count or a gate was clicked ("gate schema: 2 cases", with what they are in its tooltip and a
 * button to drop it), and "n of m cases". Bound to a
 * {@link CompareViewModel}; holds no state of its own. Esc in the text field clears the whole filter. FX thread
 * only.
 */
final class ReviewFilterBar extends dev.evalbench.app.fx.TwoRowBar {
    static final String ANY = AnyChoice.ANY;
    final TextField text;
    final Label count = new Label();

    ReviewFilterBar(CompareViewModel vm) {
        super(6);
        setStyle("-fx-padding: 4 6 4 6;");
        text = FilterField.text("compare-filter", vm.textProperty(), vm::clearFilter);
        text.setMinWidth(120);
        ToggleButton regex = FilterField.regex(null, vm.regexProperty());
        ComboBox<ReviewStatus> status = AnyChoice.narrowBox();
        status.getItems().setAll(Arrays.asList(ReviewStatus.values()));
        status.setId("compare-status");
        status.setPromptText("Status");
        status.setConverter(new StringConverter<>() {
            @Override public String toString(ReviewStatus s) { return s == null ? ANY : s.label(); }
            @Override public ReviewStatus fromString(String s) { return null; }
        });
        status.getItems().add(0, null);
        AnyChoice.promptWhenEmpty(status, s -> s.label());
        status.valueProperty().bindBidirectional(vm.statusProperty());
        ComboBox<String> verdict = AnyChoice.of("compare-verdict", "Verdict", vm.verdictProperty(),
                FXCollections.observableArrayList(CaseFilter.PASS, CaseFilter.FAIL, CaseFilter.ERROR));
        ComboBox<String> suite = AnyChoice.of("compare-suite", "Suite", vm.suiteProperty(), vm.suites());
        ComboBox<String> tag = AnyChoice.of("compare-tag", "Tag", vm.tagProperty(), vm.tags());
        ComboBox<String> kind = AnyChoice.of("compare-kind", "Failure", vm.failureKindProperty(), vm.failureKinds());
        Label moved = new Label();
        moved.setId("compare-moved");
        moved.setGraphic(new FontIcon("fth-filter"));
        // What the list is scoped to reads whole ("gate schema: 2 c…" did not); the text field gives way first.
        moved.setMinWidth(Region.USE_PREF_SIZE);
        Button dropMoved = new Button(null, new FontIcon("fth-x"));
        dropMoved.setId("compare-moved-clear");
        dropMoved.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        dropMoved.setTooltip(new Tooltip("Show every case again"));
        dropMoved.setOnAction(e -> vm.movedProperty().set(null));
        HBox movedBox = new HBox(2, moved, dropMoved);
        movedBox.setAlignment(Pos.CENTER_LEFT);
        movedBox.visibleProperty().bind(vm.movedProperty().isNotNull());
        movedBox.managedProperty().bind(movedBox.visibleProperty());
        vm.movedProperty().addListener((o, was, now) -> {
            moved.setText(now == null ? "" : now.name());
            moved.setTooltip(now == null || now.description() == null ? null : new Tooltip(now.description()));
        });
        count.setId("compare-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        // What the filter answers keeps its words; the text field and the boxes give way first.
        count.setMinWidth(Region.USE_PREF_SIZE);
        vm.visible().addListener((ListChangeListener<Object>) c -> count.setText(
                dev.evalbench.core.text.Counted.partOf(vm.visible().size(), vm.total(), "case")));
        // Under the rest, where the centre is narrow (a window at half a screen): rather than the count cut off.
        group().getChildren().addAll(status, verdict, suite, tag, kind);
        row().getChildren().addAll(text, regex, group(), movedBox, count);
    }
}
