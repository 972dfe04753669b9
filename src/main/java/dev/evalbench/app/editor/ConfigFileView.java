package dev.evalbench.app.editor;

import atlantafx.base.theme.Styles;
import dev.evalbench.core.workspace.InputError;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A configuration file's editor ({@link ConfigFileModel}): the file in the monospace face with line numbers, its keys
 * and comments coloured ({@link ConfigHighlighter}); Save, Revert, Unsaved changes (a diff under the text) and "Open in
 * your editor" above it, with the offer of edits kept at the last stop; under it what the last action said and the
 * problems the unsaved text would add, each in {@code validate}'s words: a click on one takes the caret to its line (or
 * opens the file it names), and their lines are tinted. A YAML file types as YAML ({@link YamlTyping}). FX thread only.
 */
public final class ConfigFileView extends BorderPane implements dev.evalbench.app.fx.Filterable {
    /** At most this many problems are listed (an edit that breaks the manifest can make every file fail). */
    private static final int SHOWN = 12;
    private final ConfigFileModel model;
    private final CodeArea area = new CodeArea();
    private final FindBar find = new FindBar(area);
    private final VBox problemLines = new VBox(2);
    private final javafx.scene.control.ToggleButton changesShown = new javafx.scene.control.ToggleButton("Unsaved changes");
    private final Consumer<InputError> openElsewhere;
    private List<Integer> tinted = List.of();
    private int marked = -1;
    /** A YAML file, not a JSON one (a schema): how it types and what its keys and comments look like. */
    private final boolean yaml;

    /**
     * @param openOnDesktop opens the file in the desktop's editor for it
     * @param openProblem   opens a problem in another file of the workspace at its place
     */
    public ConfigFileView(ConfigFileModel model, Runnable openOnDesktop, Consumer<InputError> openProblem) {
        this.model = model;
        this.openElsewhere = openProblem;
        this.yaml = !model.file().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        getStylesheets().add(ConfigFileView.class.getResource("editor.css").toExternalForm());
        area.getStyleClass().add("config-code");
        area.setId("config-code");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        // Not typed in while a save is written: the text written (a policy's raised revision) comes back into it.
        area.editableProperty().bind(model.writingProperty().not());
        if (yaml) YamlTyping.install(area, true);
        bindText();
        setCenter(textAndChanges());
        setTop(new VBox(toolBar(openOnDesktop), new KeptEditsBar(model), find));
        setBottom(underEditor());
        find.found().addListener((javafx.beans.InvalidationListener) o -> restyleText());
        model.problems().addListener((ListChangeListener<InputError>) c -> showProblems());
    }

    private HBox toolBar(Runnable openOnDesktop) {
        // Short enough for one line beside the buttons: the tab names the file.
        Label note = new Label("Ctrl+S saves it once the workspace accepts it; runs read it as saved.");
        note.setId("config-note");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(note, Priority.ALWAYS);
        Button save = button("config-save", "Save", "fth-save", "Writes the file (Ctrl+S), unless the workspace would"
                + " not run with it");
        save.setOnAction(e -> model.save());
        save.disableProperty().bind(model.dirtyProperty().not().or(model.writingProperty()));
        Button revert = button("config-revert", "Revert", "fth-rotate-ccw", "Drops the unsaved edits: the file's text again");
        revert.setOnAction(e -> model.revert());
        revert.disableProperty().bind(model.dirtyProperty().not().or(model.writingProperty()));
        changesShown.setId("config-changes");
        changesShown.setGraphic(new FontIcon("fth-file-text"));
        changesShown.setTooltip(new Tooltip("What your edits change in the file as saved, line by line"));
        changesShown.setMinWidth(Region.USE_PREF_SIZE);
        changesShown.disableProperty().bind(model.dirtyProperty().not());
        Button elsewhere = button("config-open-elsewhere", "Open in your editor", "fth-external-link",
                "Opens " + model.file() + " with the desktop's application for it");
        elsewhere.setOnAction(e -> openOnDesktop.run());
        HBox bar = new HBox(8, note, save, revert, changesShown, elsewhere);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    /**
     * The text, and under it while "Unsaved changes" is down, what the edits change in the file as saved, as the
     * revision history draws a diff: kept up to date as the author types; gone once the edits are saved or reverted.
     */
    private javafx.scene.Node textAndChanges() {
        dev.evalbench.app.fx.UnifiedDiffView changes = new dev.evalbench.app.fx.UnifiedDiffView();
        changes.setId("config-changes-diff");
        changes.setPlaceholder("No unsaved edits: the editor holds the file as saved.");
        model.changes().addListener((ListChangeListener<dev.evalbench.core.compare.UnifiedLine>) c ->
                changes.show(model.changes()));
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(new VirtualizedScrollPane<>(area));
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        Runnable diffIfShown = () -> {
            if (changesShown.isSelected()) model.diffUnsaved();
        };
        model.textProperty().addListener((o, was, now) -> diffIfShown.run());
        model.savedTextProperty().addListener((o, was, now) -> diffIfShown.run());
        model.dirtyProperty().addListener((o, was, now) -> {
            if (!now) changesShown.setSelected(false);
        });
        changesShown.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                split.getItems().add(changes);
                split.setDividerPositions(0.55);
                model.diffUnsaved();
            } else {
                split.getItems().remove(changes);
            }
        });
        return split;
    }

    private static Button button(String id, String text, String icon, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** What the last action said, then the problems the text would add (shown only while there is something to say). */
    private VBox underEditor() {
        Label notice = new Label();
        notice.setId("config-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        // A refusal in the danger colour, as the problems under it; a save or a reload plainly.
        notice.styleProperty().bind(Bindings.when(model.refusedProperty())
                .then("-fx-text-fill: -color-danger-fg;").otherwise(""));
        problemLines.setId("config-problems");
        VBox box = new VBox(4, notice, problemLines);
        box.setPadding(new Insets(4, 8, 4, 8));
        return box;
    }

    private void showProblems() {
        List<InputError> added = List.copyOf(model.problems());
        problemLines.getChildren().clear();
        if (!added.isEmpty()) {
            Label heading = new Label((added.size() == 1 ? "This edit would add 1 problem" : "This edit would add "
                    + added.size() + " problems") + " to the workspace; it is saved once none is left:");
            heading.setId("config-problems-heading");
            heading.getStyleClass().add("undefined-summary");
            problemLines.getChildren().add(heading);
        }
        for (InputError problem : added.subList(0, Math.min(SHOWN, added.size()))) {
            Label line = new Label(problem.toString(), new FontIcon("fth-x-circle"));
            line.getStyleClass().addAll("undefined-summary", "config-problem");
            line.setWrapText(true);
            line.setCursor(Cursor.HAND);
            line.setOnMouseClicked(e -> open(problem));
            problemLines.getChildren().add(line);
        }
        if (added.size() > SHOWN) problemLines.getChildren().add(new Label("and " + (added.size() - SHOWN) + " more"));
        tinted = added.stream().filter(p -> p.file().equals(model.file()) && p.line() > 0).map(InputError::line).toList();
        restyle();
    }

    private void open(InputError problem) {
        if (problem.file().equals(model.file())) moveTo(problem.line(), problem.column());
        else openElsewhere.accept(problem);
    }

    /** The model's text and the area's stay equal; the area is restyled on each change. */
    private void bindText() {
        area.replaceText(model.textProperty().get());
        area.textProperty().addListener((o, was, now) -> {
            if (!now.equals(model.textProperty().get())) model.textProperty().set(now);
            if (marked >= 0) { // the problem's line was pointed at; the author is at it now
                marked = -1;
                restyle();
            } else {
                restyleText();
            }
        });
        model.textProperty().addListener((o, was, now) -> {
            if (now.equals(area.getText())) return;
            int caret = area.getCaretPosition();
            boolean first = area.getLength() == 0;
            area.replaceText(now);
            area.moveTo(Math.min(caret, now.length()));
            // The file as read is where undo stops: Ctrl+Z never empties the editor.
            if (first) area.getUndoManager().forgetHistory();
            restyle();
        });
    }

    /** Keys and comments in colour, the find bar's occurrences tinted, and the lines of the problems the text would add. */
    private void restyle() {
        restyleText();
        int paragraphs = area.getParagraphs().size();
        for (int i = 0; i < paragraphs; i++) {
            boolean problem = tinted.contains(i + 1) || i == marked;
            area.setParagraphStyle(i, problem ? List.of(ReadOnlyFileView.PROBLEM_LINE) : List.of());
        }
    }

    /** Keys and comments in colour ({@link ConfigHighlighter}), the find bar's occurrences tinted over them. */
    private void restyleText() {
        if (area.getLength() == 0) return;
        area.setStyleSpans(0, FindTint.over(ConfigHighlighter.styles(area.getText(), yaml), find.found()));
    }

    /** Puts the caret at a 1-based line and column (a problem's place), scrolls to it and marks that line. */
    public void moveTo(int line, int column) {
        if (line < 1 || area.getParagraphs().isEmpty()) {
            area.requestFocus();
            return;
        }
        marked = CaretPlace.moveTo(area, line, column);
        restyle();
        area.requestFocus();
    }

    /** Ctrl+F: the find bar above the text ({@link FindBar}). */
    @Override
    public void focusFilter() {
        find.open();
    }
}
