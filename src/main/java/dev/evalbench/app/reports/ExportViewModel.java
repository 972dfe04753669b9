package dev.evalbench.app.reports;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.core.canary.CanaryOptions;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.report.ReportSigner;
import dev.evalbench.core.service.CanaryService;
import dev.evalbench.core.service.GateService;
import dev.evalbench.core.service.ReportService;
import dev.evalbench.core.service.SigningKeys;
import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.text.Counted;
import dev.evalbench.core.text.RunTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Exporting one run's report, as {@code evalbench report RUN [--baseline B] --out DIR [--sign KEY]} does and
 * through the same {@link ReportService}: report.json, report.md and report.html (and, when a key is chosen,
 * report.intoto.json) in a folder the user picks, alone or compared with a baseline run. A traffic run compared with
 * another traffic run is a canary and its control: the report is then the canary's verdict, as {@code evalbench
 * canary CONTROL CANARY --out DIR [--sign KEY]} writes it ({@link CanaryService}; report.json and report.md, no
 * page). Reading the history, gating and writing run on the task runner; UI thread only.
 */
public final class ExportViewModel {
    /** A baseline to compare with: a run id or tag ({@code ref}), or none (null); {@code traffic} for a traffic run. */
    public record Baseline(String ref, String label, boolean traffic) {
        public Baseline(String ref, String label) {
            this(ref, label, false);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What the form writes, said above it: an eval report. */
    public static final String WRITES_REPORT = "Writes report.json and report.md (for a pull request), the files a signature "
            + "covers, and report.html (one page, no script); restricted values are masked in all of them.";
    /** What the form writes for a canary compared with its control. */
    public static final String WRITES_CANARY = "A canary and its control: writes the canary's verdict as `evalbench "
            + "canary` writes it, report.json and report.md (for a pull request), the files a signature covers, each "
            + "metric with its test, interval and effect size, and the rollback target.";

    public static final Baseline NONE = new Baseline(null, "no baseline (this run alone)");

    private final TaskRunner runner;
    private final BackgroundTask.ThrowingSupplier<RunStore> store;
    private final Map<String, String> env;
    private final Supplier<Path> workspace;
    private final String runId;
    private final KeysViewModel keys;
    private final ObservableList<Baseline> baselines = FXCollections.observableArrayList(NONE);
    private final ObjectProperty<Baseline> baseline = new SimpleObjectProperty<>(this, "baseline", NONE);
    /** Whether the runs were listed once: from then on the baseline shown is the user's choice. FX thread. */
    private boolean listed;
    private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    private final ObjectProperty<Path> signWith = new SimpleObjectProperty<>(this, "signWith");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyObjectWrapper<Path> envelope = new ReadOnlyObjectWrapper<>(this, "envelope");
    private final ReadOnlyObjectWrapper<Path> html = new ReadOnlyObjectWrapper<>(this, "html");
    /** Whether the run is a traffic run, once the runs are listed. FX thread. */
    private boolean runIsTraffic;
    private final ReadOnlyStringWrapper writes = new ReadOnlyStringWrapper(this, "writes", WRITES_REPORT);

    /** The run the form compares with when the runs are first listed, or null for the one tagged main. */
    private final String preferredBaseline;

    /** @param workspace the open workspace folder: gates come from it when the history lacks the run's snapshots */
    public ExportViewModel(TaskRunner runner, BackgroundTask.ThrowingSupplier<RunStore> store, Map<String, String> env,
                           Supplier<Path> workspace, String runId, KeysViewModel keys) {
        this(runner, store, env, workspace, runId, keys, null);
    }

    /**
     * As above, comparing with run {@code preferredBaseline} (a comparison's first run, from which the report of its
     * second is exported) rather than the run tagged main; null for main.
     */
    public ExportViewModel(TaskRunner runner, BackgroundTask.ThrowingSupplier<RunStore> store, Map<String, String> env,
                           Supplier<Path> workspace, String runId, KeysViewModel keys, String preferredBaseline) {
        this.preferredBaseline = preferredBaseline;
        this.runner = runner;
        this.store = store;
        this.env = env;
        this.workspace = workspace;
        this.runId = runId;
        this.keys = keys;
        signWith.set(keys.lastUsedProperty().get());
        baseline.addListener((o, was, now) -> sayWhatIsWritten());
        Path ws = workspace.get();
        // Beside the history: git-ignored, and kept with the workspace it reports on.
        if (ws != null) folder.set(HistoryLocation.folder(ws).resolve("reports").resolve(runId).toString());
    }

    /** Lists the runs a report can compare with: the baseline tag first, then the newest runs. */
    public void loadBaselines() {
        BackgroundTask.of(() -> {
            RunStore s = store.get();
            List<Baseline> out = new ArrayList<>();
            out.add(NONE);
            Optional<String> main = s.resolve("main").filter(id -> !id.equals(runId));
            if (main.isPresent()) {
                boolean traffic = s.run(main.get()).map(h -> h.kind() == RunKind.TRAFFIC).orElse(false);
                out.add(new Baseline("main", "main (run " + shortId(main.get()) + ")", traffic));
            }
            for (RunHeader h : s.runs(50)) {
                if (!h.id().equals(runId)) out.add(of(h));
            }
            // A comparison's first run older than the newest 50 is still the one to compare with.
            if (preferredBaseline != null && out.stream().noneMatch(b -> preferredBaseline.equals(b.ref()))) {
                s.run(preferredBaseline).ifPresent(h -> out.add(of(h)));
            }
            boolean traffic = s.run(runId).map(h -> h.kind() == RunKind.TRAFFIC).orElse(false);
            return new Listed(out, traffic);
        }).onSuccess(read -> {
            List<Baseline> list = read.baselines();
            runIsTraffic = read.runIsTraffic();
            // The first listing chooses main where there is one (the form starts on "no baseline" only until the
            // runs are read); a later one keeps what the user chose.
            Baseline keep = listed ? baseline.get() : null;
            listed = true;
            baselines.setAll(list);
            Baseline chosen = keep != null ? find(list, keep.ref()) : preferredBaseline != null ? find(list, preferredBaseline) : null;
            baseline.set(chosen != null ? chosen : list.size() > 1 && "main".equals(list.get(1).ref()) ? list.get(1) : NONE);
            sayWhatIsWritten();
        }).onFailure(e -> problem.set("Cannot list the runs: " + e.getMessage())).executeWith(runner);
    }

    /** The runs to compare with, and whether the exported run is a traffic run. */
    private record Listed(List<Baseline> baselines, boolean runIsTraffic) {}

    private void sayWhatIsWritten() {
        writes.set(canaryPair() ? WRITES_CANARY : WRITES_REPORT);
    }

    /** Whether the run and the chosen baseline are a canary and its control, as the runs' listing told. FX thread. */
    private boolean canaryPair() {
        Baseline b = baseline.get();
        return runIsTraffic && b != null && b.traffic();
    }

    /**
     * A run of the history to compare with: "run ID [tags] · date", dated in this machine's zone as the history dates
     * runs, its tags named as the comparison's picker names them (the run tagged main read as any other).
     */
    private static Baseline of(RunHeader h) {
        String tags = h.tags().isEmpty() ? "" : " [" + String.join(", ", h.tags()) + "]";
        return new Baseline(h.id(), "run " + shortId(h.id()) + tags + " · " + RunTime.of(h.startedAt(), java.time.ZoneId.systemDefault()),
                h.kind() == RunKind.TRAFFIC);
    }

    /** The entry of {@code list} that compares with {@code ref} (null: with none), or null when none does. */
    private static Baseline find(List<Baseline> list, String ref) {
        return list.stream().filter(b -> java.util.Objects.equals(b.ref(), ref)).findFirst().orElse(null);
    }

    /** Writes the report (and signs it when a key is chosen). */
    public void export() {
        String out = folder.get() == null ? "" : folder.get().strip();
        if (out.isEmpty()) {
            problem.set("Choose a folder to write the report into.");
            return;
        }
        Baseline base = baseline.get() == null ? NONE : baseline.get();
        Path key = signWith.get();
        Path ws = workspace.get();
        boolean canaryPair = canaryPair();
        busy.set(true);
        outcome.set("");
        problem.set("");
        envelope.set(null);
        html.set(null);
        BackgroundTask.of(() -> {
            ReportService.Signer signer = key == null ? null : SigningKeys.load(key).signer();
            String signedBy = signer == null ? null
                    : (signer.name().label().isEmpty() ? "a key without a name" : signer.name().label()) + " (" + signer.name().keyId() + ")";
            RunStore s = store.get();
            if (canaryPair) {
                // A canary and its control: their requests do not pair, so the report is the canary's verdict, as
                // `evalbench canary CONTROL CANARY --out DIR` writes and signs it.
                CanaryService.Result canary = new CanaryService(s).judge(base.ref(), runId, CanaryOptions.DEFAULTS, Path.of(out), signer);
                Path envelope = Path.of(out).resolve(ReportSigner.ENVELOPE);
                return new Written(null, canary, signedBy, signer == null && Files.exists(envelope));
            }
            return new Written(new ReportService(s, new GateService(env)).write(runId, base.ref(), ws, Path.of(out), signer), null, signedBy, false);
        }).onSuccess(written -> {
            keys.lastUsedProperty().set(key);
            if (written.canary() != null) {
                busy.set(false);
                showCanary(written);
                return;
            }
            ReportService.Result result = written.result();
            busy.set(false);
            long failed = result.verdicts().verdicts().stream().filter(v -> !v.passed()).count();
            StringBuilder text = new StringBuilder("Wrote ").append(result.files().json().getParent()).append(":\n")
                    .append("  report.json (sha256 ").append(result.files().jsonSha256(), 0, 12).append("…)\n")
                    .append("  report.md\n  report.html\n");
            if (result.envelope() != null) {
                text.append("  report.intoto.json, signed by ").append(written.signedBy()).append('\n');
            } else if (result.staleEnvelope() != null) {
                text.append("  report.intoto.json was left as it was: it signs the report.json it was made with\n");
            }
            int total = result.verdicts().verdicts().size();
            text.append(failed == 0 ? Counted.capitalized(Counted.allGatesPass(total, result.verdicts().notRun()))
                    : Counted.gatesFailed(failed, total, result.verdicts().notRun()))
                    .append(result.baseline() == null ? "." : " against run " + shortId(result.baseline().id()) + ".");
            outcome.set(text.toString());
            envelope.set(result.envelope());
            html.set(result.files().html());
        }).onFailure(e -> {
            busy.set(false);
            problem.set("Not written: " + e.getMessage());
        }).executeWith(runner);
    }

    /** What was written: an eval report ({@code result}) or a canary's verdict ({@code canary}). */
    private record Written(ReportService.Result result, CanaryService.Result canary, String signedBy, boolean staleCanaryEnvelope) {}

    /** The canary report's files and verdict; it has no report.html, so nothing to open in a browser. */
    private void showCanary(Written written) {
        CanaryService.Result r = written.canary();
        Path dir = r.reportDir();
        Path signed = dir.resolve(ReportSigner.ENVELOPE);
        StringBuilder text = new StringBuilder("Wrote ").append(dir).append(":\n")
                .append("  report.json (sha256 ").append(r.reportSha256(), 0, 12).append("…), the canary's verdict\n")
                .append("  report.md\n");
        if (written.signedBy() != null) {
            text.append("  report.intoto.json, signed by ").append(written.signedBy()).append('\n');
        } else if (written.staleCanaryEnvelope()) {
            text.append("  report.intoto.json was left as it was: it signs the report.json it was made with\n");
        }
        text.append("Canary ").append(r.canary().id()).append(" against control ").append(r.control().id()).append(": ")
                .append(r.result().verdict().words()).append(" (")
                .append(r.result().reason()).append(").");
        outcome.set(text.toString());
        envelope.set(written.signedBy() != null ? signed : null);
        html.set(null);
    }

    /** Run ids are short already (date, time, 4 hex digits), and their first part is the same for a day's runs. */
    static String shortId(String id) {
        return id;
    }

    public String runId() { return runId; }
    public KeysViewModel keys() { return keys; }
    public ObservableList<Baseline> baselines() { return baselines; }
    public ObjectProperty<Baseline> baselineProperty() { return baseline; }
    public StringProperty folderProperty() { return folder; }
    /** The private key file to sign with, or null to leave the report unsigned. */
    public ObjectProperty<Path> signWithProperty() { return signWith; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** What was written, in lines; empty until an export succeeded. */
    public ReadOnlyStringProperty outcomeProperty() { return outcome.getReadOnlyProperty(); }
    /** What the form writes for the chosen baseline: {@link #WRITES_REPORT} or {@link #WRITES_CANARY}. */
    public ReadOnlyStringProperty writesProperty() { return writes.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** The report.html the last export wrote, or null. */
    public ReadOnlyObjectProperty<Path> htmlProperty() { return html.getReadOnlyProperty(); }
    /** The envelope the last export signed, or null. */
    public ReadOnlyObjectProperty<Path> envelopeProperty() { return envelope.getReadOnlyProperty(); }
}
