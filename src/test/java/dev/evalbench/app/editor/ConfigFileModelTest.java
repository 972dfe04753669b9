package dev.evalbench.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.editor.TemplateEditorModel.GuardChoice;
import dev.evalbench.app.fx.SameThreadTaskRunner;
import dev.evalbench.core.service.StarterWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration file editor's view model on the starter workspace's gates.yaml: the problems an edit would add,
 * a save and a refused one, the file changed on disk with and without edits, and the guard when its tab closes.
 */
class ConfigFileModelTest {
    @TempDir Path temp;
    private Path gates;
    private ConfigFileModel model;
    private final AtomicInteger saves = new AtomicInteger();

    @BeforeEach
    void open() throws Exception {
        Path ws = StarterWorkspace.create(temp.resolve("demo"), "demo").folder();
        gates = ws.resolve("gates.yaml");
        model = new ConfigFileModel(new SameThreadTaskRunner(), ws, "gates.yaml", Map.of(), saves::incrementAndGet, null);
        model.open();
    }

    @Test
    void aRefusedSaveKeepsTheEditsAndTheGuardsSaveDoesNotProceedUntilTheFileIsWritten() throws Exception {
        String was = Files.readString(gates);
        model.textProperty().set(was.replace("suite: feedback, metric: routing", "suite: feedbak, metric: routing"));
        assertThat(model.problems()).singleElement().asString().startsWith("gates.yaml:5:").contains("feedbak");

        AtomicInteger proceeded = new AtomicInteger();
        model.guard(() -> GuardChoice.SAVE, proceeded::incrementAndGet);
        assertThat(proceeded).as("a refused save closes nothing").hasValue(0);
        assertThat(model.refusedProperty().get()).isTrue();
        assertThat(model.isDirty()).isTrue();
        assertThat(Files.readString(gates)).isEqualTo(was);
        assertThat(saves).hasValue(0);

        model.textProperty().set(was.replace("max_ms: 5000", "max_ms: 6000"));
        assertThat(model.problems()).isEmpty();
        assertThat(model.refusedProperty().get()).isFalse();
        model.guard(() -> GuardChoice.SAVE, proceeded::incrementAndGet);
        assertThat(proceeded).hasValue(1);
        assertThat(model.isDirty()).isFalse();
        assertThat(Files.readString(gates)).contains("max_ms: 6000");
        assertThat(saves).as("the workspace read again once").hasValue(1);
        assertThat(model.noticeProperty().get()).isEqualTo("Saved gates.yaml. The next run reads it.");
    }

    @Test
    void aFileChangedOnDiskIsReadAgainUnlessItHasEditsWhichSaveThenWritesOverIt() throws Exception {
        String was = Files.readString(gates);
        Files.writeString(gates, was.replace("max_ms: 5000", "max_ms: 4000"));
        model.diskChanged();
        assertThat(model.textProperty().get()).contains("max_ms: 4000");
        assertThat(model.isDirty()).isFalse();
        assertThat(model.noticeProperty().get()).isEqualTo("gates.yaml changed on disk and was read again.");

        model.textProperty().set(model.textProperty().get().replace("min: 0.75", "min: 0.7"));
        Files.writeString(gates, was.replace("max_ms: 5000", "max_ms: 3000"));
        model.diskChanged();
        assertThat(model.textProperty().get()).as("the edits kept").contains("min: 0.7}", "max_ms: 4000");
        assertThat(model.noticeProperty().get()).startsWith("gates.yaml changed on disk; your unsaved edits are kept");

        model.save();
        assertThat(Files.readString(gates)).contains("min: 0.7}", "max_ms: 4000");
        assertThat(model.isDirty()).isFalse();
    }

    @Test
    void aPolicyWarnedAboutIsSavedAsItIsWithTheNextRevision() throws Exception {
        Path ws = gates.getParent();
        ConfigFileModel policy = new ConfigFileModel(new SameThreadTaskRunner(), ws, "policy.yaml", Map.of(), () -> { }, null);
        policy.open();
        policy.save();
        assertThat(policy.noticeProperty().get()).isEqualTo("No edits to save: policy.yaml reads as the file holds it.");

        // The Problems panel warns that a run read another text under revision 1: Ctrl+S then needs no edit.
        policy.revisionReusedProperty().set(true);
        policy.save();
        assertThat(Files.readString(ws.resolve("policy.yaml"))).contains("revision: 2\n");
        assertThat(policy.textProperty().get()).as("the editor shows what was written").contains("revision: 2\n");
        assertThat(policy.noticeProperty().get()).startsWith("Saved policy.yaml as revision 2");
    }

    @Test
    void theUnsavedChangesAreTheFileAsSavedThenTheEdits() throws Exception {
        model.textProperty().set(Files.readString(gates).replace("max_ms: 5000", "max_ms: 6000"));
        model.diffUnsaved();

        var changed = model.changes().stream().filter(l -> l.kind() != dev.evalbench.core.compare.UnifiedLine.Kind.SAME
                && l.kind() != dev.evalbench.core.compare.UnifiedLine.Kind.GAP).map(l -> l.kind() + " " + l.text()).toList();
        assertThat(changed).containsExactly("REMOVED   - {id: latency, kind: p95_latency, max_ms: 5000}",
                "ADDED   - {id: latency, kind: p95_latency, max_ms: 6000}");
        model.revert();
        model.diffUnsaved();
        assertThat(model.changes()).as("no edits, no changes").isEmpty();
    }

    @Test
    void revertAndDiscardGiveTheFilesTextBack() throws Exception {
        String was = Files.readString(gates);
        model.textProperty().set("gates: [");
        assertThat(model.problems()).isNotEmpty();
        model.revert();
        assertThat(model.textProperty().get()).isEqualTo(was);
        assertThat(model.problems()).as("the file as saved adds nothing").isEmpty();

        model.textProperty().set(was + "# note\n");
        AtomicInteger proceeded = new AtomicInteger();
        model.guard(() -> GuardChoice.CANCEL, proceeded::incrementAndGet);
        assertThat(proceeded).hasValue(0);
        model.guard(() -> GuardChoice.DISCARD, proceeded::incrementAndGet);
        assertThat(proceeded).hasValue(1);
        assertThat(model.textProperty().get()).isEqualTo(was);
        assertThat(Files.readString(gates)).isEqualTo(was);
    }
}
