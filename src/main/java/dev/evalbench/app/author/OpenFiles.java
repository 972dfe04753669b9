package dev.evalbench.app.author;

import dev.evalbench.app.dataset.CaseEditModel;
import dev.evalbench.app.dataset.DatasetCaseDetail;
import dev.evalbench.app.dataset.DatasetModel;
import dev.evalbench.app.dataset.DatasetView;
import dev.evalbench.app.editor.ConfigFileModel;
import dev.evalbench.app.editor.ConfigFileView;
import dev.evalbench.app.editor.ReadOnlyFileView;
import dev.evalbench.app.editor.RevisionHistoryModel;
import dev.evalbench.app.editor.TemplateEditorModel;
import dev.evalbench.app.editor.TemplateEditorView;
import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.shell.TabMemory;
import dev.evalbench.core.service.ConfigFiles;
import dev.evalbench.core.text.Utf8Files;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Tab;

/**
 * The workspace files open in centre tabs, one tab per file and kind: a prompt in the template editor, a
 * dataset as its table of cases, a configuration file (the manifest, gates, policy, routes, a schema) in its own
 * editor, anything else read-only in the monospace face. Knows which editors have unsaved edits, passes outside
 * changes on to every open view, and guards closing an editor's tab. FX thread only.
 */
final class OpenFiles {
    /** How a dataset's tab is keyed: the same file may be open as its cases and, from a problem, read-only. */
    private static final String DATASET = "cases:";
    private final AuthorParts wb;
    private final UnsavedEdits unsaved;
    private final Map<String, Tab> tabs = new LinkedHashMap<>();
    private final Map<String, TemplateEditorModel> editors = new LinkedHashMap<>();
    private final Map<String, TemplateEditorView> editorViews = new LinkedHashMap<>();
    private final Map<String, ReadOnlyFileView> viewers = new LinkedHashMap<>();
    private final Map<String, OpenDataset> datasets = new LinkedHashMap<>();
    private final Map<String, OpenConfig> configs = new LinkedHashMap<>();

    /** A dataset's tab: its cases, their table and the author's edits of them. */
    private record OpenDataset(DatasetModel model, DatasetView view, CaseEditModel edits) {}

    /** A configuration file's tab: its editor's model and view. */
    private record OpenConfig(ConfigFileModel model, ConfigFileView view) {}

    OpenFiles(AuthorParts wb, UnsavedEdits unsaved) {
        this.wb = wb;
        this.unsaved = unsaved;
        wb.window().tabMemory().opener("file", this::reopen);
        // The case selected in a run's results is the one every open template previews, when it is one of its.
        wb.session().caseInFocusProperty().addListener((o, was, now) -> {
            if (now != null) editors.values().forEach(m -> m.preferCase(now.suite(), now.caseId()));
        });
    }

    /**
     * Opens a file left open at the last close, if it is still in the workspace (checked off the FX thread); else
     * says so in the status bar and runs {@code notOpened}.
     */
    private void reopen(String file, Runnable notOpened) {
        Path folder = wb.session().folder();
        if (folder == null) {
            notOpened.run();
            return;
        }
        BackgroundTask.of(() -> Files.isRegularFile(folder.resolve(file))).onSuccess(exists -> {
            if (!folder.equals(wb.session().folder())) {
                notOpened.run();
            } else if (exists) {
                open(file);
            } else {
                wb.window().status("File " + file + ", open at the last close, is no longer in the workspace.");
                notOpened.run();
            }
        }).onFailure(e -> notOpened.run()).executeWith(wb.runner());
    }

    static boolean isPrompt(String file) {
        return file.startsWith("prompts/") && (file.endsWith(".yaml") || file.endsWith(".yml"));
    }

    /** Opens a file from the tree: a prompt or a configuration file in its editor, a dataset as its cases, else read-only. */
    void open(String file) {
        if (isDataset(file)) openDataset(file);
        else openAt(file, 0, 0);
    }

    /** Opens a file at a 1-based line and column (a problem's place): in its editor where it has one, else read-only. */
    void openAt(String file, int line, int column) {
        if (isPrompt(file)) openEditor(file, line, column);
        else if (ConfigFiles.editable(file)) openConfig(file, line, column);
        else openViewer(file, line, column);
    }

    /**
     * Opens the place of {@code problem} in {@code file}: a dataset's line in its tab, open to edit with the problem above
     * it (a broken case is mended where it is read); any other file as {@link #openAt} does.
     */
    void openProblem(String file, dev.evalbench.core.workspace.InputError problem) {
        if (!isDataset(file) || problem.line() < 1) {
            openAt(file, problem.line(), problem.column());
            return;
        }
        openDataset(file);
        OpenDataset open = datasets.get(DATASET + file);
        if (open != null) open.view().editLine(problem.line(), problem.column(), problem.message());
    }

    private static boolean isDataset(String file) {
        return file.startsWith("datasets/") && file.endsWith(".jsonl");
    }

    private void openEditor(String file, int line, int column) {
        Tab open = tabs.get(file);
        if (open != null) {
            select(open);
            caretTo(editorViews.get(file), line, column);
            return;
        }
        TemplateEditorModel model = new TemplateEditorModel(wb.runner(), wb.session().folder(), file, wb.env(), wb.kept());
        RevisionHistoryModel history = new RevisionHistoryModel(model);
        TemplateEditorView view = new TemplateEditorView(model, history);
        // The editor holds its own preview and revision history: the detail pane, empty here, gives it its width.
        editorTab(file, view, model.dirtyProperty(), then -> model.guard(() -> unsaved.ask(file), then));
        // A save or rollback changes what a run is made of: the workspace reads as out of date from the write
        // on, and is read again as soon as it is done (not a debounce later, when the watcher sees the file).
        model.writingProperty().addListener((o, was, now) -> {
            if (now) wb.session().markStale();
            else wb.session().reload();
        });
        // The Problems panel's warning that a run used this revision with another text: Ctrl+S then saves it as the next.
        model.revisionReusedProperty().bind(warnedAbout(file));
        editors.put(file, model);
        editorViews.put(file, view);
        var focus = wb.session().caseInFocusProperty().get();
        if (focus != null) model.preferCase(focus.suite(), focus.caseId());
        // The author opened it to type in it: the caret goes there (to the problem's place, if one was named) once
        // the file is read, as an IDE's editor takes the keyboard from the tree on a double click. On the text, not the
        // saved text: the model sets that first, when the view's area is still empty, and the caret stayed at line 1.
        model.textProperty().addListener(new OnceRead(() -> caretTo(view, line, column)));
        model.open();
    }

    /** Opens dataset {@code file}'s tab (or selects it) on case {@code id} of {@code suite}, open to edit. */
    void editCase(String file, String suite, String id) {
        openDataset(file);
        OpenDataset open = datasets.get(DATASET + file);
        if (open != null) open.view().selectAndEdit(suite, id);
    }

    private void openDataset(String file) {
        String key = DATASET + file;
        Tab open = tabs.get(key);
        if (open != null) {
            select(open);
            return;
        }
        DatasetModel model = new DatasetModel(wb.runner(), wb.session().folder(), file, wb.env());
        DatasetView view = new DatasetView(model);
        // A save reads the table and the workspace again at once, as a template's save does (not a debounce later).
        CaseEditModel edits = new CaseEditModel(wb.runner(), wb.session().folder(), file, wb.env(), () -> {
            model.load();
            wb.session().reload();
        }, wb.kept());
        Path path = wb.session().folder().resolve(file);
        view.enableEditing(edits, () -> wb.window().openOnDesktop(path, "in its editor", wb.runner()), wb.window()::status);
        Tab tab = add(key, Path.of(file).getFileName() + " (cases)", view, false);
        tab.setOnCloseRequest(e -> {
            if (edits.dirty() && !unsaved.discardCase(file, edits.subject())) e.consume();
        });
        // The selected case in the detail pane, as a results tab shows its case.
        DatasetCaseDetail detail = new DatasetCaseDetail(file);
        view.selected().addListener((o, was, now) -> {
            wb.window().showDetail(tab, now == null ? null : detail.show(now));
            // As a case selected in a run's results: every open template previews it, when it is one of theirs.
            if (now != null) editors.values().forEach(m -> m.preferCase(now.suite(), now.id()));
        });
        datasets.put(key, new OpenDataset(model, view, edits));
        model.load();
        edits.lookForKept();
    }

    private void openConfig(String file, int line, int column) {
        Tab open = tabs.get(file);
        if (open != null) {
            select(open);
            configs.get(file).view().moveTo(line, column);
            return;
        }
        Path path = wb.session().folder().resolve(file);
        // A save reads the workspace again at once, as a template's save does (not a debounce later).
        ConfigFileModel model = new ConfigFileModel(wb.runner(), wb.session().folder(), file, wb.env(), wb.session()::reload,
                wb.kept());
        ConfigFileView view = new ConfigFileView(model, () -> wb.window().openOnDesktop(path, "in its editor", wb.runner()),
                problem -> openProblem(problem.file(), problem));
        editorTab(file, view, model.dirtyProperty(), then -> model.guard(() -> unsaved.askConfig(file), then));
        model.revisionReusedProperty().bind(warnedAbout(file));
        configs.put(file, new OpenConfig(model, view));
        // The caret to the problem's place (or the text, to type in) once the file is read: on the text, which the
        // area shows (the saved text is set first, while the area is still empty).
        model.textProperty().addListener(new OnceRead(() -> view.moveTo(line, column)));
        model.open();
    }

    private void openViewer(String file, int line, int column) {
        Tab open = tabs.get(file);
        if (open != null) {
            select(open);
            viewers.get(file).moveTo(line, column);
            return;
        }
        Path path = wb.session().folder().resolve(file);
        BackgroundTask.of(() -> Utf8Files.read(path)).onSuccess(text -> {
            if (tabs.containsKey(file)) return;
            ReadOnlyFileView view = new ReadOnlyFileView(file, text,
                    () -> wb.window().openOnDesktop(path, "in its editor", wb.runner()));
            add(file, Path.of(file).getFileName().toString(), view, true);
            viewers.put(file, view);
            view.moveTo(line, column);
        }).onFailure(e -> wb.window().status("Cannot open " + file + ": " + e.getMessage())).executeWith(wb.runner());
    }

    /**
     * An editor's tab, whole width: its title carries "*" while the edits are unsaved, and closing it (×, Ctrl+W, its
     * menu) runs {@code guarded} with the closing, which the editor's guard runs once the edits are dealt with.
     */
    private void editorTab(String file, javafx.scene.Node view, javafx.beans.value.ObservableBooleanValue dirty,
                           Consumer<Runnable> guarded) {
        Tab tab = add(file, file, view, true);
        String name = Path.of(file).getFileName().toString();
        tab.textProperty().bind(Bindings.when(dirty).then(name + " *").otherwise(name));
        tab.setOnCloseRequest(e -> {
            e.consume();
            guarded.accept(() -> close(file));
        });
    }

    /** Whether the workspace warns about {@code file} now (a run read another text under its revision): Ctrl+S raises it. */
    private javafx.beans.binding.BooleanBinding warnedAbout(String file) {
        return Bindings.createBooleanBinding(() -> wb.session().warnings().stream().anyMatch(w -> w.file().equals(file)),
                wb.session().warnings());
    }

    /** The workspace file {@code tab} shows (an editor, a dataset, a read-only view), or empty for another tab. */
    java.util.Optional<String> fileOf(Tab tab) {
        return tabs.entrySet().stream().filter(e -> e.getValue() == tab).map(Map.Entry::getKey)
                .map(key -> key.startsWith(DATASET) ? key.substring(DATASET.length()) : key).findFirst();
    }

    /** @param wholeWidth the tab shows no case in the detail pane, which steps aside while it is selected */
    private Tab add(String key, String title, javafx.scene.Node content, boolean wholeWidth) {
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + key);
        TabMemory.remember(tab, "file", key.startsWith(DATASET) ? key.substring(DATASET.length()) : key);
        if (wholeWidth) dev.evalbench.app.shell.MainWindow.wantsWholeWidth(tab);
        tab.setOnClosed(e -> forget(key));
        tabs.put(key, tab);
        wb.window().tabs().getTabs().add(tab);
        select(tab);
        return tab;
    }

    private void select(Tab tab) {
        wb.window().tabs().getSelectionModel().select(tab);
    }

    private void close(String key) {
        Tab tab = tabs.get(key);
        if (tab != null) wb.window().tabs().getTabs().remove(tab);
        forget(key);
    }

    private void forget(String key) {
        tabs.remove(key);
        editors.remove(key);
        editorViews.remove(key);
        viewers.remove(key);
        datasets.remove(key);
        configs.remove(key);
    }

    /**
     * Runs {@code proceed} once every unsaved edit is dealt with, one after the other, as the window closes or another
     * workspace opens; nothing at the first Cancel, or while a save is refused.
     */
    void leave(Runnable proceed) {
        if (discardCaseEdits()) guardConfigs(dirtyConfigs(), () -> unsaved.guardAll(dirtyEditors(), proceed));
    }

    private void guardConfigs(List<ConfigFileModel> rest, Runnable proceed) {
        if (rest.isEmpty()) {
            proceed.run();
            return;
        }
        ConfigFileModel first = rest.get(0);
        // Its tab shown: a save the workspace refuses says why there.
        Tab tab = tabs.get(first.file());
        if (tab != null) select(tab);
        first.guard(() -> unsaved.askConfig(first.file()), () -> guardConfigs(rest.subList(1, rest.size()), proceed));
    }

    /** The configuration files' editors with unsaved edits, in the order their tabs were opened. */
    List<ConfigFileModel> dirtyConfigs() {
        return configs.values().stream().map(OpenConfig::model).filter(ConfigFileModel::isDirty).toList();
    }

    /** Whether any open file has edits not saved: a template, a configuration file, a case open to edit. */
    boolean anyUnsaved() {
        return !dirtyEditors().isEmpty() || !dirtyConfigs().isEmpty() || !dirtyCases().isEmpty();
    }

    /** The datasets' case edits typed in, by the dataset's file, in the order their tabs were opened. */
    Map<String, CaseEditModel> dirtyCases() {
        Map<String, CaseEditModel> dirty = new LinkedHashMap<>();
        datasets.forEach((key, d) -> {
            if (d.edits().dirty()) dirty.put(key.substring(DATASET.length()), d.edits());
        });
        return dirty;
    }

    /** The files whose unsaved edits a run leaves out (it reads the files as saved): templates and configuration files. */
    List<String> unsavedFiles() {
        List<String> files = new ArrayList<>(dirtyEditors().stream().map(TemplateEditorModel::file).toList());
        dirtyConfigs().forEach(c -> files.add(c.file()));
        return files;
    }

    /**
     * Whether the typing in every case open to edit in a dataset's tab may go (asked one after the other; false at the
     * first Cancel), before the window closes or another workspace opens. True when none was typed in.
     */
    private boolean discardCaseEdits() {
        return dirtyCases().entrySet().stream().allMatch(e -> unsaved.discardCase(e.getKey(), e.getValue().subject()));
    }

    /**
     * Ctrl+S: saves the editor in the selected tab (a template asking for its changelog line), or the case open in a
     * dataset's.
     */
    void saveSelected() {
        Tab selected = wb.window().tabs().getSelectionModel().getSelectedItem();
        boolean caseSaved = datasets.entrySet().stream()
                .anyMatch(e -> tabs.get(e.getKey()) == selected && e.getValue().view().saveOpenEdit());
        if (caseSaved) return;
        var config = configs.entrySet().stream().filter(e -> tabs.get(e.getKey()) == selected).findFirst();
        if (config.isPresent()) {
            config.get().getValue().model().save();
            return;
        }
        editors.entrySet().stream().filter(e -> tabs.get(e.getKey()) == selected).findFirst()
                .ifPresentOrElse(e -> e.getValue().requestSave(), () -> wb.window().status("No editor is selected."));
    }

    /** Files changed on disk: every open view of them reads them again; editors keep unsaved edits. */
    void diskChanged(Set<String> files) {
        editors.forEach((file, model) -> {
            if (files.contains(file)) model.diskChanged();
            model.loadCases();
        });
        viewers.forEach((file, view) -> {
            if (!files.contains(file)) return;
            Path path = wb.session().folder().resolve(file);
            BackgroundTask.of(() -> Utf8Files.read(path)).onSuccess(view::setText)
                    .onFailure(e -> { }).executeWith(wb.runner());
        });
        datasets.values().forEach(d -> d.model().load());
        configs.forEach((file, config) -> {
            if (files.contains(file)) config.model().diskChanged();
        });
    }

    /** The editors with unsaved edits, in the order their tabs were opened. */
    List<TemplateEditorModel> dirtyEditors() {
        // None open: nothing to load either (the filter's method reference loads the editor's class).
        if (editors.isEmpty()) return new ArrayList<>();
        return new ArrayList<>(editors.values().stream().filter(TemplateEditorModel::isDirty).toList());
    }

    /** Closes every tab (the workspace is being switched; unsaved edits were dealt with first). */
    void closeAll() {
        new ArrayList<>(tabs.keySet()).forEach(this::close);
    }

    /** The keyboard to the editor, its caret at a 1-based line and column when {@code line} names one. */
    private static void caretTo(TemplateEditorView view, int line, int column) {
        if (line > 0) view.moveTo(line, column);
        else view.focusEditor();
    }

    Consumer<String> opener() {
        return this::open;
    }
}
