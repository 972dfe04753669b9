package dev.evalbench.app.compare;

import atlantafx.base.theme.Styles;
import dev.evalbench.core.compare.ChangeOverview;
import dev.evalbench.core.compare.DiffRow;
import dev.evalbench.core.compare.MetricMovement;
import dev.evalbench.core.compare.TemplateDiff;
import dev.evalbench.core.compare.VersionChange;
import dev.evalbench.core.compare.VersionComponent;
import dev.evalbench.core.service.ReviewService;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The top of a comparison, side by side so that both fit the height of a laptop screen: on the left what changed
 * in the version tuple (with a link to each changed file's diff; scrolls when long), on the right the
 * gate deltas, every row shown ({@link #neededHeight}), a click on one listing the cases behind it
 * ({@link CompareViewModel#showGate}) and saying why it judged as it did in each run, in full, under what changed;
 * and, placed above the case list by {@link CompareView}, per metric how many cases got better and worse (a click
 * filters the list to them). Bound to a {@link CompareViewModel}; FX thread only.
 */
final class OverviewPane extends HBox {
    final VBox versions = new VBox(2);
    final GateDeltaTable gates = new GateDeltaTable();
    final FlowPane movements = new FlowPane(6, 4);

    private final VBox gatesColumn;
    /** What changed and where the gates came from, beside the gate table; scrolls when long. */
    private final ScrollPane changesScroll = new ScrollPane();
    /** Why the chosen gate judged as it did, in both runs; empty while none is chosen. */
    final Label gateWhy = new Label();

    OverviewPane(CompareViewModel vm) {
        super(12);
        versions.setId("compare-versions");
        Label state = new Label();
        state.setId("compare-overview-state");
        state.getStyleClass().add(Styles.TEXT_MUTED);
        state.textProperty().bind(vm.overviewStateProperty());
        versions.getChildren().add(muted("Comparing the version tuples…"));
        movements.setId("compare-movements");
        vm.overviewProperty().addListener((o, was, now) -> show(now));
        // Read no more: "Comparing…" must not stay up over a failure that the line under "Gates" says.
        vm.overviewFailedProperty().addListener((o, was, failed) -> {
            if (!failed) return;
            versions.getChildren().setAll(muted("Not compared: see under Gates."));
            gates.setPlaceholder(noGatesLabel("No gates compared: the line under Gates, at the left, says why."));
        });
        // A gate clicked (or reached with the arrow keys) scopes the case list to the cases behind it; the row stays
        // selected while that scope holds, and is let go when the scope is dropped or another is chosen.
        gates.casesBehind(id -> vm.gateScope(id) != null);
        gates.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) vm.showGate(now.id());
            gateWhy.setText(now == null ? "" : why(now));
            // Under what changed and where the gates came from: brought into view (the column may scroll).
            if (now != null) {
                dev.evalbench.app.fx.AfterLayout.runIn(changesScroll, () -> changesScroll.setVvalue(changesScroll.getVmax()));
            }
        });
        vm.movedProperty().addListener((o, was, now) -> {
            dev.evalbench.core.compare.GateDelta chosen = gates.getSelectionModel().getSelectedItem();
            if (chosen != null && (now == null || now != vm.gateScope(chosen.id()))) gates.getSelectionModel().clearSelection();
        });
        vm.movements().addListener((ListChangeListener<MetricMovement>) c -> showMovements(vm));
        movements.setStyle("-fx-padding: 2 6 0 6;");
        // The movements sit above the case list they filter (see CompareView), not in this pane.
        // Where the gates come from sits under what changed, so the gate table needs no title line of its own.
        state.setWrapText(true);
        Label gatesTitle = bold("Gates");
        // The chosen gate's sentences in full, beside the table whose last column cuts them.
        gateWhy.setId("compare-gate-why");
        gateWhy.setWrapText(true);
        gateWhy.managedProperty().bind(gateWhy.textProperty().isNotEmpty());
        gateWhy.visibleProperty().bind(gateWhy.managedProperty());
        VBox.setMargin(gateWhy, new Insets(4, 0, 0, 0));
        VBox changes = new VBox(4, bold("What changed"), versions, gatesTitle, state, gateWhy);
        VBox.setMargin(gatesTitle, new Insets(6, 0, 0, 0));
        changesScroll.setContent(changes);
        changesScroll.setId("compare-changes");
        changesScroll.setFitToWidth(true);
        changesScroll.setMinHeight(0);
        changesScroll.setMinWidth(200);
        // A quarter of the width: the version lines wrap; the gate columns need the rest.
        changesScroll.prefWidthProperty().bind(widthProperty().multiply(0.26));
        changesScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        changes.setMinWidth(0);
        versions.setMinWidth(0);
        gatesColumn = new VBox(gates);
        gatesColumn.setMinWidth(0);
        gatesColumn.setMinHeight(0);
        VBox.setVgrow(gates, javafx.scene.layout.Priority.ALWAYS);
        HBox.setHgrow(gatesColumn, javafx.scene.layout.Priority.ALWAYS);
        setMinHeight(0);
        getChildren().addAll(changesScroll, gatesColumn);
    }

    /** A gate's sentences: "schema, first run: … Second run: …", or the one run's where only one judged. */
    static String why(dev.evalbench.core.compare.GateDelta d) {
        String first = d.before() == null ? null : d.beforeCells().sentence();
        String second = d.after() == null ? null : d.afterCells().sentence();
        if (first == null) return d.id() + ", second run: " + second;
        if (second == null) return d.id() + ", first run: " + first;
        return d.id() + ", first run: " + first + "\nSecond run: " + second;
    }

    /** The height that shows every gate row. */
    double neededHeight() {
        Insets pad = getInsets();
        return pad.getTop() + pad.getBottom() + gates.rowsHeight();
    }

    private void show(ChangeOverview o) {
        versions.getChildren().clear();
        if (o == null) return;
        for (String line : o.incomplete()) {
            Label l = new Label("Incomplete: " + line);
            l.getStyleClass().addAll("compare-incomplete", Styles.WARNING);
            l.setWrapText(true);
            versions.getChildren().add(l);
        }
        if (o.versions().unknown() != null) {
            versions.getChildren().add(muted("What changed is not known: " + o.versions().unknown() + "."));
        } else if (o.versions().changes().isEmpty()) {
            versions.getChildren().add(muted("Nothing in the version tuple changed."));
        }
        for (VersionChange c : o.versions().changes()) {
            Label l = new Label(c.describe());
            l.getStyleClass().add("version-change");
            l.setWrapText(true);
            if (!c.component().affectsOutput()) l.getStyleClass().add(Styles.TEXT_MUTED);
            versions.getChildren().add(l);
            if (!c.detail().isEmpty()) {
                Label detail = muted(c.detail());
                detail.getStyleClass().add("version-change-detail");
                versions.getChildren().add(detail);
            }
        }
        for (TemplateDiff t : o.templates()) versions.getChildren().add(template(t));
        gates.getItems().setAll(o.gates());
        if (o.gates().isEmpty()) gates.setPlaceholder(noGates(o.gatesFrom()));
    }

    /**
     * What the empty gate table says: without a workspace (two files from CI, say) why there are no gates and how
     * to get them, as an opened run's gates panel does; with a workspace that has problems, that; else that the
     * workspace has none.
     */
    private static Label noGates(String gatesFrom) {
        return noGatesLabel(ReviewService.NO_GATES.equals(gatesFrom)
                ? "No gates to compare: neither run carries its workspace's files and no workspace is open. Open the "
                        + "workspace these runs came from (Ctrl+O) to compare their gates."
                : gatesFrom != null && gatesFrom.startsWith("no gates: ")
                ? "No gates to compare: " + gatesFrom.substring("no gates: ".length()) + "."
                : "No gates to compare.");
    }

    /** The empty gate table's line, saying {@code text}. */
    private static Label noGatesLabel(String text) {
        Label l = new Label(text);
        l.setId("compare-no-gates");
        l.setWrapText(true);
        l.setStyle("-fx-padding: 0 12 0 12;");
        return l;
    }

    /**
     * A changed prompt's template diff: a link that says how many lines changed and opens the diff in a window of its
     * own ({@link TemplateDiffWindow}), since a prompt's lines are long and this column is narrow (wrapped here, a
     * line was a word a row); or, when a side's text is not to be found, why, folded.
     */
    private static javafx.scene.Node template(TemplateDiff t) {
        String what = t.component() == VersionComponent.PROMPT ? "template diff of prompt " + t.subject()
                : "diff of the " + t.title();
        String title = what + (t.afterPath() == null ? "" : " (" + t.afterPath() + ")");
        if (!t.available()) {
            TitledPane pane = new TitledPane(title, muted(t.unavailable()));
            pane.setMinWidth(0);
            pane.setExpanded(false);
            pane.setId("compare-template-" + t.key());
            return pane;
        }
        long changed = t.diff().rows().stream().filter(r -> r.kind() != DiffRow.Kind.EQUAL).count();
        String lines = changed + (changed == 1 ? " line" : " lines");
        Hyperlink open = new Hyperlink("diff of " + t.name() + ": " + lines + " changed");
        open.setId("compare-template-" + t.key());
        open.setWrapText(true);
        open.setMinWidth(0);
        open.setTooltip(new Tooltip(title + ": open it in a window"));
        open.setOnAction(e -> TemplateDiffWindow.open(open.getScene().getWindow(), t));
        return open;
    }

    /**
     * One group per metric, never split across lines: "cases passed: ▲ 0 better / ▼ 18 worse", the counts in words
     * (colour only repeats them). The count that filters the list now is marked active.
     */
    private void showMovements(CompareViewModel vm) {
        movements.getChildren().clear();
        if (vm.movements().isEmpty()) movements.getChildren().add(muted("No metric moved any case."));
        for (MetricMovement m : vm.movements()) {
            Label name = new Label(m.label() + ":");
            Button better = link("movement-" + m.id() + "-better", String.format(Locale.ROOT, "▲ %,d better", m.better().size()),
                    Styles.SUCCESS);
            better.setDisable(m.better().isEmpty());
            better.setOnAction(e -> vm.showMoved(m, true));
            Label slash = new Label("/");
            slash.getStyleClass().add(Styles.TEXT_MUTED);
            Button worse = link("movement-" + m.id() + "-worse", String.format(Locale.ROOT, "▼ %,d worse", m.worse().size()),
                    Styles.DANGER);
            worse.setDisable(m.worse().isEmpty());
            worse.setOnAction(e -> vm.showMoved(m, false));
            markActive(better, vm.movedProperty().get(), m, "better");
            markActive(worse, vm.movedProperty().get(), m, "worse");
            vm.movedProperty().addListener((o, was, now) -> {
                markActive(better, now, m, "better");
                markActive(worse, now, m, "worse");
            });
            HBox group = new HBox(2, name, better, slash, worse);
            group.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            group.getStyleClass().add("metric-movement");
            group.setStyle("-fx-padding: 0 12 0 0;");
            movements.getChildren().add(group);
        }
    }

    /** The count filtering the list now: outlined and not flat, so it reads as pressed without colour. */
    private static void markActive(Button b, CompareViewModel.Moved now, MetricMovement m, String way) {
        boolean active = now != null && now.metric().equals(m.label()) && now.way().equals(way);
        b.getStyleClass().removeAll(ACTIVE, Styles.FLAT);
        b.getStyleClass().add(active ? ACTIVE : Styles.FLAT);
    }

    static final String ACTIVE = "movement-active";

    private static Button link(String id, String text, String style) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().addAll(Styles.SMALL, style);
        b.setTooltip(new Tooltip("Show only these cases (Esc shows every case again)"));
        return b;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }
}
