package dev.evalbench.app.dataset;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.service.OutboundMasks;
import dev.evalbench.core.workspace.DiskWorkspaceFiles;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import dev.evalbench.core.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The view model of a dataset's table: the cases of every suite reading that dataset file, their restricted values
 * masked as reports mask them, filtered by text (id, vars, expected value, tags; case-insensitive) and by tag.
 * Loading (and masking) goes through the task runner; filtering a dataset's few thousand rows in memory is cheap
 * enough for every keystroke. UI thread only.
 */
public final class DatasetModel {
    /** The tag choice that filters nothing. */
    public static final String ALL_TAGS = "all tags";

    private final TaskRunner runner;
    private final Path workspace;
    private final String file;
    private final Map<String, String> env;
    private final ObservableList<DatasetRow> all = FXCollections.observableArrayList();
    private final FilteredList<DatasetRow> shown = new FilteredList<>(all);
    private final ObservableList<String> tags = FXCollections.observableArrayList(ALL_TAGS);
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<String> tag = new SimpleObjectProperty<>(this, "tag", ALL_TAGS);
    /** How many times the cases have been read; the view acts on a case asked for once they are. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper loads =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "loads");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    /** What the table says while it shows no case: why, in the words of the summary when the cases cannot be read. */
    private final ReadOnlyStringWrapper empty = new ReadOnlyStringWrapper(this, "empty", "Reading the cases…");

    public DatasetModel(TaskRunner runner, Path workspace, String file, Map<String, String> env) {
        this.runner = runner;
        this.workspace = workspace;
        this.file = file;
        this.env = env;
        text.addListener((o, was, now) -> refilter());
        tag.addListener((o, was, now) -> refilter());
    }

    /** Reads the cases again (on open and after the workspace changed). */
    public void load() {
        BackgroundTask.of(() -> read(WorkspaceLoader.load(new DiskWorkspaceFiles(workspace), env)))
                .onSuccess(read -> {
                    List<DatasetRow> rows = read.rows();
                    versions.set(read.versions());
                    all.setAll(rows);
                    TreeSet<String> found = new TreeSet<>();
                    rows.forEach(r -> found.addAll(r.tags()));
                    List<String> choices = new ArrayList<>(List.of(ALL_TAGS));
                    choices.addAll(found);
                    tags.setAll(choices);
                    if (!tags.contains(tag.get())) tag.set(ALL_TAGS);
                    refilter();
                    loads.set(loads.get() + 1);
                })
                .onFailure(e -> {
                    // The table says why at length; the count beside the filter, short, leaves the filter its width.
                    summary.set("no case read");
                    empty.set(e instanceof WorkspaceException
                            ? "The workspace has problems; fix them to see this dataset's cases (a problem of this file,"
                                    + " clicked in Problems, opens its line here to mend)."
                            : "Cannot read the cases: " + e.getMessage());
                })
                .executeWith(runner);
    }

    /** The eval set version each suite reading the file gives in evalbench.yaml, by suite, as last read. */
    private final javafx.beans.property.ReadOnlyObjectWrapper<Map<String, String>> versions =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "versions", Map.of());

    /** The cases and the suites' versions, as one load read them. */
    private record Read(List<DatasetRow> rows, Map<String, String> versions) {}

    private Read read(Workspace ws) {
        return new Read(rows(ws), dev.evalbench.core.service.CaseLines.versionsOf(ws, file));
    }

    private List<DatasetRow> rows(Workspace ws) {
        // The mask a report of this workspace would use: a key pasted into a ticket is masked as well.
        OutboundMask mask = OutboundMasks.of(List.of(ws), env);
        List<DatasetRow> rows = new ArrayList<>();
        for (SuiteSpec suite : ws.suites()) {
            if (!suite.dataset().equals(file)) continue;
            for (EvalCase c : suite.cases()) rows.add(DatasetRow.of(suite.name(), c, mask));
        }
        return rows;
    }

    private void refilter() {
        String needle = text.get() == null ? "" : text.get().strip().toLowerCase(Locale.ROOT);
        String wanted = tag.get();
        shown.setPredicate(row -> (needle.isEmpty() || row.haystack().contains(needle))
                && (wanted == null || ALL_TAGS.equals(wanted) || row.tags().contains(wanted)));
        summary.set(dev.evalbench.core.text.Counted.partOf(shown.size(), all.size(), "case"));
        empty.set(all.isEmpty() ? "No suite of the workspace reads its cases from " + file + "." : "No case matches the filter.");
    }

    /** Shows every case again: no text, all tags. */
    public void clearFilter() {
        text.set("");
        tag.set(ALL_TAGS);
    }

    public String file() { return file; }
    public ObservableList<DatasetRow> rows() { return shown; }
    public ObservableList<String> tags() { return tags; }
    public StringProperty textProperty() { return text; }
    public ObjectProperty<String> tagProperty() { return tag; }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty emptyProperty() { return empty.getReadOnlyProperty(); }
    public javafx.beans.property.ReadOnlyIntegerProperty loadsProperty() { return loads.getReadOnlyProperty(); }
    public javafx.beans.property.ReadOnlyObjectProperty<Map<String, String>> versionsProperty() {
        return versions.getReadOnlyProperty();
    }
}
