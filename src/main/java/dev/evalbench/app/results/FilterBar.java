package dev.evalbench.app.results;

import dev.evalbench.app.fx.AnyChoice;
import dev.evalbench.app.fx.FilterField;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The results filter bar: free text (plain or regex), verdict, suite, tag and failure kind, the gate scope
 * when a gate was clicked (with a button to drop it), and "n of m cases". Bound to a {@link ResultsViewModel};
 * holds no state of its own. Esc in the text field clears the whole filter. FX thread only.
 */
final class FilterBar extends dev.evalbench.app.fx.TwoRowBar {
    static final String ANY = AnyChoice.ANY;
    final TextField text;
    final Label count = new Label();
    final Label scope = new Label();
    /** The gate whose cases the table shows, with the button that drops it: placed by the view, not in this bar. */
    final HBox scopeBox;

    FilterBar(ResultsViewModel vm) {
        super(6);
        setStyle("-fx-padding: 4 6 4 6;");
        text = FilterField.text("results-filter", vm.textProperty(), vm::clearFilter);
        ToggleButton regex = FilterField.regex("results-regex", vm.regexProperty());
        ComboBox<String> verdict = AnyChoice.of("results-verdict", "Verdict", vm.verdictProperty(),
                javafx.collections.FXCollections.observableArrayList(CaseFilter.PASS, CaseFilter.FAIL, CaseFilter.ERROR));
        ComboBox<String> suite = AnyChoice.of("results-suite", "Suite", vm.suiteProperty(), vm.suites());
        ComboBox<String> tag = AnyChoice.of("results-tag", "Tag", vm.tagProperty(), vm.tags());
        ComboBox<String> kind = AnyChoice.of("results-kind", "Failure", vm.failureKindProperty(), vm.failureKinds());
        scope.setId("results-scope");
        // "gate schema" whole: it says why cases are hidden.
        scope.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        scope.setGraphic(new FontIcon("fth-filter"));
        Button dropScope = new Button(null, new FontIcon("fth-x"));
        dropScope.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        dropScope.setTooltip(new Tooltip("Show every case again"));
        dropScope.setOnAction(e -> vm.scopeProperty().set(null));
        scopeBox = new HBox(2, scope, dropScope);
        scopeBox.setAlignment(Pos.CENTER_LEFT);
        scopeBox.visibleProperty().bind(vm.scopeProperty().isNotNull());
        scopeBox.managedProperty().bind(scopeBox.visibleProperty());
        vm.scopeProperty().addListener((o, was, now) -> scope.setText(now == null ? "" : "gate " + now.name()));
        Label problem = new Label();
        problem.setId("results-filter-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.filterProblemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        count.setId("results-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        // The count is what the filter answers: it keeps its words, and the text field gives way first.
        count.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        vm.visible().addListener((ListChangeListener<Object>) c -> count.setText(count(vm)));
        vm.loadedProperty().addListener((o, was, now) -> count.setText(count(vm)));
        // Under the rest, where the centre is narrow (a window at half a screen): rather than the count cut off.
        group().getChildren().addAll(verdict, suite, tag, kind);
        row().getChildren().addAll(text, regex, group(), problem, count);
    }

    private static String count(ResultsViewModel vm) {
        if (!vm.loadedProperty().get()) return String.format(Locale.ROOT, "first %,d cases; reading the rest…", vm.visible().size());
        return dev.evalbench.core.text.Counted.partOf(vm.visible().size(), vm.total(), "case");
    }
}
