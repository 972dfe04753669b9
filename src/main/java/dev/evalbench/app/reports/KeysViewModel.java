package dev.evalbench.app.reports;

import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.core.service.SigningKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The signing keys the workbench offers: the key pairs and public keys in the user's key folder (the one
 * {@code evalbench keygen} writes to), and creating a new pair there or in another folder outside the workspace
 * and any git work tree ({@link SigningKeys}). File work on the task runner; UI thread only.
 */
public final class KeysViewModel {
    private final TaskRunner runner;
    private final Path keyFolder;
    private final Supplier<Path> workspace;
    private final ObservableList<Path> privateKeys = FXCollections.observableArrayList();
    private final ObservableList<Path> publicKeys = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty(this, "name", System.getProperty("user.name", "me"));
    private final StringProperty folder = new SimpleStringProperty(this, "folder");
    /** Who signs with the new key, as reports and verification name them; blank for none. */
    private final StringProperty signer = new SimpleStringProperty(this, "signer", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    /**
     * The key the last report was exported with (null: unsigned), which a new export form offers first: a reviewer
     * signs every report with their one key, and "do not sign" on each new form let a report go out unsigned. A key
     * file gone from the disk is forgotten when the folder is listed.
     */
    private final ObjectProperty<Path> lastUsed = new SimpleObjectProperty<>(this, "lastUsed");
    /**
     * The key the last report was approved with (a reviewer's, often not the one they sign their own reports with),
     * which the verify form offers first; forgotten as {@link #lastUsed} is.
     */
    private final ObjectProperty<Path> lastApproved = new SimpleObjectProperty<>(this, "lastApproved");

    /**
     * @param keyFolder the user's key folder ({@code KeyLocation.defaultFolder})
     * @param workspace the open workspace folder (may give null); no private key is written inside it
     */
    public KeysViewModel(TaskRunner runner, Path keyFolder, Supplier<Path> workspace) {
        this.runner = runner;
        this.keyFolder = keyFolder;
        this.workspace = workspace;
        folder.set(keyFolder.toString());
        // The file is named after the signer as the name is typed ("Alice Example" gives alice-example.key), until
        // the user types a file name of their own: named after the machine's user, a shared or CI machine's keys were
        // all "root" or "runner".
        String machineUser = name.get();
        boolean[] naming = {false};
        boolean[] typed = {false};
        name.addListener((o, was, now) -> {
            if (!naming[0]) typed[0] = true;
        });
        signer.addListener((o, was, now) -> {
            if (typed[0]) return;
            naming[0] = true;
            try {
                name.set(fileNameFor(now, machineUser));
            } finally {
                naming[0] = false;
            }
        });
    }

    /** A key file name for {@code signer} ({@link dev.evalbench.core.text.Slug}); {@code fallback} when nothing is left. */
    static String fileNameFor(String signer, String fallback) {
        return dev.evalbench.core.text.Slug.of(signer, fallback);
    }

    /**
     * Keeps the keys last signed and approved with in {@code settings} (saved with them when the window closes), and
     * takes the ones kept there: the next session's first export and verify forms offer them. Call once, before the
     * folder is listed.
     */
    public void rememberIn(dev.evalbench.app.settings.WorkbenchSettings settings) {
        if (settings.signingKey != null) lastUsed.set(Path.of(settings.signingKey));
        lastUsed.addListener((o, was, now) -> settings.signingKey = now == null ? null : now.toString());
        if (settings.approvingKey != null) lastApproved.set(Path.of(settings.approvingKey));
        lastApproved.addListener((o, was, now) -> settings.approvingKey = now == null ? null : now.toString());
    }

    /** Lists the key folder again, and forgets a remembered key whose file is gone. */
    public void refresh() {
        Path signed = lastUsed.get();
        Path approved = lastApproved.get();
        BackgroundTask.of(() -> new Listing(SigningKeys.privateKeys(keyFolder), SigningKeys.publicKeys(keyFolder),
                        gone(signed), gone(approved)))
                .onSuccess(listing -> {
                    privateKeys.setAll(listing.privateKeys());
                    publicKeys.setAll(listing.publicKeys());
                    if (listing.signedGone() && signed.equals(lastUsed.get())) lastUsed.set(null);
                    if (listing.approvedGone() && approved.equals(lastApproved.get())) lastApproved.set(null);
                })
                .onFailure(e -> problem.set("Cannot list " + keyFolder + ": " + e.getMessage()))
                .executeWith(runner);
    }

    /**
     * Writes a new key pair named {@link #nameProperty} into {@link #folderProperty}, then lists the keys again and
     * hands the new private key file to {@code created} (the form it was made from chooses it); nothing is handed
     * when writing failed.
     */
    public void create(java.util.function.Consumer<Path> created) {
        String n = name.get() == null ? "" : name.get().strip();
        String who = signer.get();
        String f = folder.get() == null || folder.get().isBlank() ? keyFolder.toString() : folder.get().strip();
        Path ws = workspace.get();
        outcome.set("");
        problem.set("");
        BackgroundTask.of(() -> SigningKeys.create(Path.of(f), n, who, ws))
                .onSuccess(made -> {
                    outcome.set("Created key " + made.keyId() + (who == null || who.isBlank() ? " (no signer name: reports show its fingerprint)"
                            : " for " + who.strip()) + ": private key " + made.privateKeyFile()
                            + " (owner-only; keep it secret), public key " + made.publicKeyFile()
                            + " (share it with whoever verifies your reports).");
                    refresh();
                    created.accept(made.privateKeyFile());
                })
                .onFailure(e -> problem.set(e.getMessage()))
                .executeWith(runner);
    }

    /** Whether a remembered key file is no longer there (blocking: on the task). */
    private static boolean gone(Path remembered) {
        return remembered != null && !java.nio.file.Files.isRegularFile(remembered);
    }

    /** The key folder's listing, and whether each key remembered when it was asked for is gone from the disk. */
    private record Listing(List<Path> privateKeys, List<Path> publicKeys, boolean signedGone, boolean approvedGone) {}

    public Path keyFolder() { return keyFolder; }
    /** The key the last report was exported with, or null (unsigned, or none yet); see the field. */
    public ObjectProperty<Path> lastUsedProperty() { return lastUsed; }
    /** The key the last report was approved with, or null (none yet); see the field. */
    public ObjectProperty<Path> lastApprovedProperty() { return lastApproved; }
    /** Private key files of the key folder, by name. */
    public ObservableList<Path> privateKeys() { return privateKeys; }
    /** Public key files of the key folder, by name: the keys verification trusts. */
    public ObservableList<Path> publicKeys() { return publicKeys; }
    public StringProperty nameProperty() { return name; }
    public StringProperty folderProperty() { return folder; }
    public StringProperty signerProperty() { return signer; }
    public ReadOnlyStringProperty outcomeProperty() { return outcome.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
}
