package dev.evalbench.app.editor;

import java.time.Duration;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
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
 * A prompt file's editor tab: the file in a Jinja-highlighted code area (undefined variables underlined), the
 * live preview for the chosen case below it, the revision history beside it, and the changelog line asked
 * inline on save. Thin: every decision is {@link TemplateEditorModel}'s. FX thread only.
 */
public final class TemplateEditorView extends BorderPane implements dev.evalbench.app.fx.Filterable {
    /** How long typing must pause before the marks and the preview are computed again. */
    static final Duration PAUSE = Duration.ofMillis(250);

    final CodeArea area = new CodeArea();
    final TemplateEditorModel model;
    private final FindBar find = new FindBar(area);
    private final javafx.beans.property.ObjectProperty<java.util.function.Consumer<CaseChoice>> onRunCase =
            new javafx.beans.property.SimpleObjectProperty<>(this, "onRunCase");

    public TemplateEditorView(TemplateEditorModel model, RevisionHistoryModel history) {
        this.model = model;
        getStylesheets().add(TemplateEditorView.class.getResource("editor.css").toExternalForm());
        getStyleClass().add("template-editor");
        area.setId("template-code");
        area.getStyleClass().add("template-code");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        bindText();
        YamlTyping.install(area, false); // a template line typed at the margin would end its YAML block
        area.multiPlainChanges().successionEnds(PAUSE).subscribe(changes -> model.analyze());

        TextArea preview = new TextArea();
        preview.setId("template-preview");
        preview.getStyleClass().add("template-preview");
        preview.setEditable(false);
        preview.setWrapText(true);
        preview.textProperty().bind(model.previewProperty());
        Label previewTitle = new Label("Preview: the rendered messages for the chosen case");
        previewTitle.getStyleClass().add("text-muted");
        // As the results' detail and the dataset show a case: its restricted values masked until revealed.
        dev.evalbench.app.detail.RevealBar reveal = new dev.evalbench.app.detail.RevealBar("preview-reveal", "the dataset",
                model::revealPreview);
        reveal.visibleProperty().bind(model.previewMaskedProperty().or(model.previewRevealedProperty()));
        reveal.managedProperty().bind(reveal.visibleProperty());
        model.chosenCaseProperty().addListener((o, was, now) -> reveal.reveal(false));
        reveal.reveal(false);
        VBox previewBox = new VBox(4, previewTitle, reveal, preview);
        VBox.setVgrow(preview, Priority.ALWAYS);

        SplitPane editorAndPreview = new SplitPane(new VirtualizedScrollPane<>(area), previewBox);
        editorAndPreview.setOrientation(Orientation.VERTICAL);
        editorAndPreview.setDividerPositions(0.6);
        SplitPane centre = new SplitPane(editorAndPreview, new RevisionHistoryView(history));
        centre.setDividerPositions(0.66);
        setCenter(centre);
        setTop(new VBox(4, toolBar(), new KeptEditsBar(model), new ChangelogBar(model), notice(), find));
        Label fileProblem = lineUnderEditor("file-problem", model.fileProblemProperty(), "fth-x-circle");
        // As a problem in the Problems panel does: a click takes the caret to its line.
        fileProblem.setOnMouseClicked(e -> moveTo(model.problemLineProperty().get(), 1));
        fileProblem.setCursor(javafx.scene.Cursor.HAND);
        model.problemLineProperty().addListener((o, was, now) -> markProblemLine());
        setBottom(new VBox(2, fileProblem,
                lineUnderEditor("undefined-summary", model.undefinedSummaryProperty(), "fth-alert-triangle")));
    }

    /**
     * A line under the editor that says what is wrong with the text (shown only while it says something); however
     * narrow the editor cuts it, the whole message is one hover away.
     */
    private static Label lineUnderEditor(String id, javafx.beans.property.ReadOnlyStringProperty text, String icon) {
        Label line = new Label();
        line.setId(id);
        line.getStyleClass().add("undefined-summary");
        line.textProperty().bind(text);
        line.setGraphic(new FontIcon(icon));
        line.visibleProperty().bind(text.isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
        line.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> line.getText().isEmpty() ? null : new javafx.scene.control.Tooltip(line.getText()), line.textProperty()));
        return line;
    }

    /** The model's text and the area's stay equal; the area is restyled on each change and on new marks. */
    private void bindText() {
        area.replaceText(model.textProperty().get());
        area.getUndoManager().forgetHistory();
        area.textProperty().addListener((o, was, now) -> {
            if (!now.equals(model.textProperty().get())) model.textProperty().set(now);
            restyle();
        });
        model.textProperty().addListener((o, was, now) -> {
            if (now.equals(area.getText())) return;
            // Only the part that changed is replaced (a save rewrites the revision and changelog lines, a reload
            // what changed outside): the caret and the scroll stay with the text the user was at, where a whole
            // new text would move the caret by however much the lines above it grew or shrank.
            String shown = area.getText();
            int start = 0;
            int limit = Math.min(shown.length(), now.length());
            while (start < limit && shown.charAt(start) == now.charAt(start)) start++;
            int end = 0;
            while (end < limit - start
                    && shown.charAt(shown.length() - 1 - end) == now.charAt(now.length() - 1 - end)) end++;
            int caret = area.getCaretPosition();
            int oldEnd = shown.length() - end;
            int newEnd = now.length() - end;
            area.replaceText(start, oldEnd, now.substring(start, newEnd));
            // The file as read, into the empty area the editor opened with: the first Ctrl+Z undid it, and left the
            // editor empty with "unsaved edits". Its undo history starts at the file.
            if (shown.isEmpty() && !model.isDirty()) area.getUndoManager().forgetHistory();
            // The area puts the caret at the end of a replacement; back to the same place in the text.
            area.moveTo(caret <= start ? caret : caret >= oldEnd ? caret + newEnd - oldEnd : newEnd);
            area.requestFollowCaret();
        });
        model.undefined().addListener((InvalidationListener) o -> restyle());
        find.found().addListener((InvalidationListener) o -> restyle());
    }

    private void restyle() {
        String text = area.getText();
        // marks computed for an older text are dropped until the next analysis places them again
        List<dev.evalbench.core.service.UndefinedVariables.Undefined> marks = model.undefined().stream()
                .filter(u -> u.end() <= text.length() && text.substring(u.start(), u.end()).equals(u.path())).toList();
        area.setStyleSpans(0, FindTint.over(JinjaHighlighter.styles(text, marks), find.found()));
        markProblemLine();
    }

    /**
     * Tints the line of the file's problem ({@link TemplateEditorModel#problemLineProperty()}) as the read-only view
     * tints a problem's line, and no other: a line's tint moves with its line as lines are typed above it, so every
     * line is looked at, not only the one marked before (a prompt file is a few hundred lines at most).
     */
    private void markProblemLine() {
        int problem = model.problemLineProperty().get() - 1;
        for (int i = 0; i < area.getParagraphs().size(); i++) {
            boolean marked = !area.getParagraph(i).getParagraphStyle().isEmpty();
            if (i == problem && !marked) area.setParagraphStyle(i, List.of(ReadOnlyFileView.PROBLEM_LINE));
            if (i != problem && marked) area.setParagraphStyle(i, List.of());
        }
    }

    private HBox toolBar() {
        ComboBox<CaseChoice> cases = new ComboBox<>(model.cases());
        cases.setId("preview-case");
        cases.valueProperty().bindBidirectional(model.chosenCaseProperty());
        cases.setPrefWidth(220);
        cases.setTooltip(new javafx.scene.control.Tooltip("The case the preview renders; type a case id to choose it"));
        dev.evalbench.app.fx.TypeAhead<CaseChoice> typeAhead =
                new dev.evalbench.app.fx.TypeAhead<>(CaseChoice::id, CaseChoice::toString);
        cases.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
            String key = e.getCharacter();
            if (!dev.evalbench.app.fx.TypeAhead.isText(key, e.isShortcutDown(), e.isAltDown())) return;
            CaseChoice match = typeAhead.type(cases.getItems(), key, System.currentTimeMillis());
            if (match != null) cases.setValue(match);
            e.consume();
        });
        Label revision = new Label();
        revision.setId("editor-revision");
        model.savedTextProperty().addListener((o, was, now) -> revision.setText(revisionText(now)));
        revision.setText(revisionText(model.savedTextProperty().get()));
        Label dirty = new Label("unsaved edits");
        dirty.getStyleClass().add("text-muted");
        dirty.visibleProperty().bind(model.dirtyProperty());
        Button runCase = new Button("Run case", new FontIcon("fth-play"));
        runCase.setId("editor-run-case");
        runCase.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
        runCase.setTooltip(new javafx.scene.control.Tooltip("Run this case on the routes chosen in the tool bar, as the"
                + " file is saved (Ctrl+Enter)"));
        runCase.disableProperty().bind(onRunCase.isNull().or(model.chosenCaseProperty().isNull()));
        runCase.setOnAction(e -> runPreviewCase());
        Button save = new Button("Save revision", new FontIcon("fth-save"));
        save.setId("save-revision");
        save.setOnAction(e -> model.requestSave());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Preview case"), cases, runCase, spacer, dirty, revision, save);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setStyle("-fx-padding: 4 6 0 6;");
        return bar;
    }

    private String revisionText(String saved) {
        int rev = dev.evalbench.core.service.PromptRevisions.revisionOf(model.file(), saved);
        return rev < 0 ? "" : "revision " + rev;
    }

    private Label notice() {
        Label notice = new Label();
        notice.setId("editor-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setStyle("-fx-padding: 0 6 0 6;");
        return notice;
    }

    /**
     * Where "Run case" (and Ctrl+Enter) hands the preview case: the run launcher's, set by the feature that runs
     * (the editor knows nothing of runs); null: the button is disabled.
     */
    public void setOnRunCase(java.util.function.Consumer<CaseChoice> run) {
        onRunCase.set(run);
    }

    /** Runs the preview case through {@link #setOnRunCase}'s hook; false when there is no case or no hook. */
    public boolean runPreviewCase() {
        CaseChoice chosen = model.chosenCaseProperty().get();
        java.util.function.Consumer<CaseChoice> run = onRunCase.get();
        if (chosen == null || run == null) return false;
        run.accept(chosen);
        return true;
    }

    /** Ctrl+F: the find bar above the text ({@link FindBar}). */
    @Override
    public void focusFilter() {
        find.open();
    }

    /** Puts the caret at a 1-based line and column (a problem's place) and shows it. */
    public void moveTo(int line, int column) {
        if (line < 1) return;
        CaretPlace.moveTo(area, line, column);
        focusEditor();
    }

    /**
     * Gives the editor the keyboard; the caret stays where it is. A tab just opened has its content put in the
     * window at the next layout pulse, and a node outside the window cannot take focus: the request waits for it.
     */
    public void focusEditor() {
        dev.evalbench.app.fx.AfterLayout.runIn(area, area::requestFocus);
    }
}
