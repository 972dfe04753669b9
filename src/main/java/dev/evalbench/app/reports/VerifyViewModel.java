package dev.evalbench.app.reports;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.core.report.sign.ReportVerifier;
import dev.evalbench.core.report.sign.SigningInputException;
import dev.evalbench.core.report.sign.TrustedKey;
import dev.evalbench.core.report.sign.VerificationRequest;
import dev.evalbench.core.report.sign.VerificationResult;
import dev.evalbench.core.service.ReportService;
import dev.evalbench.core.service.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
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
 * Verifying a signed report ({@code report.intoto.json}) as {@code evalbench verify} does, through the same
 * {@link ReportVerifier}: every signature against the public keys of the user's key folder (and any added),
 * the report.json beside the envelope, and every input file under the chosen workspace folder (the open
 * workspace by default; with none open, the folder the report's run was made in, when it is a workspace still:
 * {@link dev.evalbench.core.report.ReportMadeFrom}). Each signature and each signed file becomes a {@link CheckRow}.
 * Approving adds the chosen key's signature ({@link ReportService#approve}) and verifies again. File and crypto work
 * on the task runner; UI thread only.
 */
public final class VerifyViewModel {
    private final TaskRunner runner;
    private final KeysViewModel keys;
    private final StringProperty envelope = new SimpleStringProperty(this, "envelope", "");
    private final StringProperty workspace = new SimpleStringProperty(this, "workspace", "");
    private final ObservableList<Path> extraKeys = FXCollections.observableArrayList();
    private final ObjectProperty<Path> approveWith = new SimpleObjectProperty<>(this, "approveWith");
    private final javafx.beans.property.BooleanProperty inputsMayBeAbsent =
            new javafx.beans.property.SimpleBooleanProperty(this, "inputsMayBeAbsent");
    private final ReadOnlyObjectWrapper<CheckRow.State> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ObservableList<CheckRow> signatures = FXCollections.observableArrayList();
    private final ObservableList<CheckRow> files = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper approval = new ReadOnlyStringWrapper(this, "approval", "");

    /** @param openWorkspace the open workspace folder (may give null), where input files are looked for by default */
    public VerifyViewModel(TaskRunner runner, KeysViewModel keys, Supplier<Path> openWorkspace) {
        this.runner = runner;
        this.keys = keys;
        approveWith.set(keys.lastApprovedProperty().get());
        Path ws = openWorkspace.get();
        if (ws != null) workspace.set(ws.toString());
    }

    /** Opens an envelope (from the Open button, a drop or another view) and verifies it. */
    public void open(Path envelopeFile) {
        envelope.set(envelopeFile.toString());
        verify();
    }

    public void verify() {
        String env = envelope.get() == null ? "" : envelope.get().strip();
        if (env.isEmpty()) {
            problem.set("Open a signed report (report.intoto.json) or drop it here.");
            return;
        }
        String ws = workspace.get() == null ? "" : workspace.get().strip();
        List<Path> trusted = new ArrayList<>(extraKeys);
        Path keyFolder = keys.keyFolder();
        clear();
        boolean absentInputsAllowed = inputsMayBeAbsent.get();
        BackgroundTask.of(() -> check(Path.of(env), ws.isEmpty() ? null : Path.of(ws), keyFolder, trusted, absentInputsAllowed))
                .onSuccess(checked -> {
                    // Chosen for the reader, and shown where they choose: the next verification uses it too.
                    if (ws.isEmpty() && checked.workspace() != null) workspace.set(checked.workspace().toString());
                    show(checked.result(), checked.trusted());
                })
                .onFailure(e -> {
                    verdict.set(CheckRow.State.INVALID);
                    headline.set("Cannot verify");
                    problem.set(e.getMessage());
                })
                .executeWith(runner);
    }

    /** A verification with the keys it trusted, whose names the signatures are shown by, and the folder it read. */
    private record Checked(VerificationResult result, List<TrustedKey> trusted, Path workspace) {}

    /**
     * @param absentInputsAllowed input files that cannot be found are not problems ({@code --allow-missing '**'}),
     *                            only when report.json is beside the envelope: it is then checked whatever the glob
     *                            says, so the glob allows input files alone to be absent
     */
    private static Checked check(Path envelopeFile, Path workspaceDir, Path keyFolder, List<Path> extra,
                                 boolean absentInputsAllowed) throws Exception {
        // A mistyped path is the first thing to say, as `evalbench verify` says it, before anything about keys.
        if (!Files.exists(envelopeFile)) throw new SigningInputException(envelopeFile + ": file not found");
        envelopeFile = dev.evalbench.core.report.ReportEnvelope.of(envelopeFile);
        List<TrustedKey> trusted = new ArrayList<>();
        for (Path pub : SigningKeys.publicKeys(keyFolder)) trusted.add(TrustedKey.read(pub));
        for (Path pub : extra) trusted.add(TrustedKey.read(pub));
        List<PublicKey> publicKeys = trusted.stream().map(TrustedKey::key).toList();
        if (publicKeys.isEmpty()) {
            throw new SigningInputException("No public key to verify with: put the signers' .pub files in " + keyFolder
                    + ", or add one with \"Trust a public key…\".");
        }
        VerificationRequest request = VerificationRequest.of(envelopeFile, publicKeys);
        Path report = dev.evalbench.core.report.ReportEnvelope.reportJsonBeside(envelopeFile);
        if (Files.isRegularFile(report)) {
            request = request.withReport(report);
            if (absentInputsAllowed) request = request.allowingMissing(java.util.Set.of("**"));
        }
        if (workspaceDir == null && Files.isRegularFile(report)) {
            workspaceDir = dev.evalbench.core.report.ReportMadeFrom.workspace(report).orElse(null);
        }
        if (workspaceDir != null) request = request.withWorkspace(workspaceDir);
        return new Checked(ReportVerifier.verify(request), trusted, workspaceDir);
    }

    private void show(VerificationResult result, List<TrustedKey> trusted) {
        verdict.set(result.valid() ? CheckRow.State.VALID : CheckRow.State.INVALID);
        signatures.setAll(result.signatures().stream().map(o -> CheckRow.of(o, TrustedKey.signedBy(o, trusted))).toList());
        files.setAll(result.subjects().stream().map(CheckRow::of).toList());
        problems.setAll(result.problemsInWords("choose the workspace the report was made from under \"Input files under\" to check them,"
                + " or tick \"Input files may be absent\" to check the signatures and the report alone"));
        notes.setAll(result.notes());
        int n = result.problems().size();
        int unchecked = result.uncheckedSubjects().size();
        headline.set(result.valid() ? "VALID: signed by " + TrustedKey.signers(result, trusted)
                + (unchecked == 0 ? "" : " (" + unchecked + (unchecked == 1 ? " file" : " files") + " not checked, as allowed)")
                : "INVALID: " + n + (n == 1 ? " problem" : " problems"));
    }

    private void clear() {
        verdict.set(null);
        headline.set("Verifying…");
        signatures.clear();
        files.clear();
        problems.clear();
        notes.clear();
        problem.set("");
    }

    /** Adds the chosen key's signature to the open envelope, names it on report.html, and verifies again. */
    public void approve() {
        Path key = approveWith.get();
        String env = envelope.get() == null ? "" : envelope.get().strip();
        approval.set("");
        if (key == null || env.isEmpty()) {
            approval.set("Open a signed report and choose your key to approve it.");
            return;
        }
        BackgroundTask.of(() -> {
            SigningKeys.Pair pair = SigningKeys.load(key);
            int count = ReportService.approve(Path.of(env), pair.signer()).signatures().size();
            return "Approved by " + (pair.name().isEmpty() ? pair.label() : pair.name()) + " (" + pair.keyId() + "); the envelope now has " + count + " signatures.";
        }).onSuccess(message -> {
            keys.lastApprovedProperty().set(key);
            approval.set(message);
            verify();
        }).onFailure(e -> approval.set("Not approved: " + e.getMessage())).executeWith(runner);
    }

    /** Trusts one more public key for this view's verifications. */
    public void trust(Path publicKeyFile) {
        if (!extraKeys.contains(publicKeyFile)) extraKeys.add(publicKeyFile);
    }

    public KeysViewModel keys() { return keys; }
    public StringProperty envelopeProperty() { return envelope; }
    public StringProperty workspaceProperty() { return workspace; }
    /**
     * Whether input files that are not found are allowed to be absent (a reviewer with the report folder but not
     * the workspace checks the signatures, report.json and the records it binds); off by default, as the CLI.
     */
    public javafx.beans.property.BooleanProperty inputsMayBeAbsentProperty() { return inputsMayBeAbsent; }
    public ObservableList<Path> extraKeys() { return extraKeys; }
    /** The private key to approve with. */
    public ObjectProperty<Path> approveWithProperty() { return approveWith; }
    /** VALID or INVALID once verified; null before and while verifying. */
    public ReadOnlyObjectProperty<CheckRow.State> verdictProperty() { return verdict.getReadOnlyProperty(); }
    public ReadOnlyStringProperty headlineProperty() { return headline.getReadOnlyProperty(); }
    public ObservableList<CheckRow> signatures() { return signatures; }
    public ObservableList<CheckRow> files() { return files; }
    /** Every reason the report is invalid, in the verifier's words. */
    public ObservableList<String> problems() { return problems; }
    /**
     * What the verifier notes without it making the report invalid, in the words {@code verify} prints after "note:"
     * (a signature by a key not trusted here; a file that matched with its Windows line ends read as \n, and why its
     * {@code sha256sum} differs).
     */
    public ObservableList<String> notes() { return notes; }
    /** Why nothing could be verified (unusable input), or "". */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty approvalProperty() { return approval.getReadOnlyProperty(); }
}
