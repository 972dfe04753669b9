package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.workspace.GateSpec;
import dev.evalbench.core.workspace.DiskWorkspaceFiles;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.WorkspaceLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration file edited whole, in the starter workspace {@code init} writes, read back by the loader. */
class ConfigFilesTest {
    private static final String GATES = "gates.yaml";
    @TempDir Path temp;
    private Path ws;

    @BeforeEach
    void starter() throws Exception {
        ws = StarterWorkspace.create(temp.resolve("demo"), "demo").folder();
    }

    @Test
    void configurationFilesAreEditedHereAndPromptsDatasetsAndCapturesAreNot() {
        assertThat(List.of("gates.yaml", "evalbench.yaml", "policy.yaml", "routes.yaml", "schemas/classify.schema.json",
                "models/rules.yaml")).allMatch(ConfigFiles::editable);
        assertThat(List.of("prompts/classify.yaml", "datasets/feedback.jsonl", "traffic/control.jsonl", "README.md",
                "generate.py")).noneMatch(ConfigFiles::editable);
    }

    @Test
    void aWidenedThresholdIsWrittenInPlaceAndTheWorkspaceReadsIt() throws Exception {
        String before = text(GATES);
        String edited = before.replace("routing.accuracy, min: 0.9}", "routing.accuracy, min: 0.8}");

        assertThat(ConfigFiles.problemsAdded(ws, GATES, edited, Map.of())).isEmpty();
        assertThat(ConfigFiles.save(ws, GATES, before, edited, Map.of()).refused()).as("nothing refused").isEmpty();

        assertThat(text(GATES)).isEqualTo(edited);
        GateSpec actions = WorkspaceLoader.load(new DiskWorkspaceFiles(ws), Map.of()).gates().stream()
                .filter(g -> g.id().equals("actions")).findFirst().orElseThrow();
        assertThat(actions.min()).isEqualTo(0.8);
    }

    @Test
    void anEditTheWorkspaceWouldRefuseIsNotWrittenAndSaysWhyWithItsLine() throws Exception {
        String before = text(GATES);
        String edited = before.replace("suite: feedback, metric: routing.accuracy", "suite: feedbak, metric: routing.accuracy");

        List<InputError> live = ConfigFiles.problemsAdded(ws, GATES, edited, Map.of());
        List<InputError> refused = ConfigFiles.save(ws, GATES, before, edited, Map.of()).refused();

        assertThat(refused).isEqualTo(live).hasSize(1);
        assertThat(refused.get(0).file()).isEqualTo(GATES);
        assertThat(refused.get(0).line()).as("the gate's line").isEqualTo(5);
        assertThat(refused.get(0).message()).contains("feedbak");
        assertThat(text(GATES)).as("nothing written").isEqualTo(before);
    }

    @Test
    void aProblemTheFileHadAlreadyDoesNotBlockAnEditThatMovesIt() throws Exception {
        // On disk already: a gate of a suite that is not there. The edit adds two comment lines above it (its line
        // moves by two) and lowers another gate's threshold: a save, the old problem still said by the Problems panel.
        String broken = text(GATES).replace("suite: feedback, metric: routing.accuracy",
                "suite: nosuch, metric: routing.accuracy");
        Files.writeString(ws.resolve(GATES), broken);
        String edited = "# lowered while the categories are relabelled\n# (ticket 42)\n"
                + broken.replace("classification.category.accuracy, min: 0.75", "classification.category.accuracy, min: 0.7");

        assertThat(ConfigFiles.problemsAdded(ws, GATES, edited, Map.of())).isEmpty();
        assertThat(ConfigFiles.save(ws, GATES, broken, edited, Map.of()).isWritten()).isTrue();
        assertThat(text(GATES)).isEqualTo(edited);
    }

    @Test
    void aFileChangedOnDiskSinceItWasReadIsNotWrittenOver() throws Exception {
        String read = text(GATES);
        String elsewhere = read.replace("max_ms: 5000", "max_ms: 4000");
        Files.writeString(ws.resolve(GATES), elsewhere);

        assertThatThrownBy(() -> ConfigFiles.save(ws, GATES, read, read.replace("max_ms: 5000", "max_ms: 6000"), Map.of()))
                .isInstanceOf(EditRefusedException.class).hasMessageContaining("gates.yaml changed on disk");
        assertThat(text(GATES)).isEqualTo(elsewhere);
    }

    @Test
    void aFileWithWindowsLineEndsKeepsThemAndAnEditorsTextWithNewlinesAloneIsItsText() throws Exception {
        String lf = text(GATES);
        Files.writeString(ws.resolve(GATES), lf.replace("\n", "\r\n"));
        String edited = lf.replace("max_ms: 5000", "max_ms: 6000");

        assertThat(ConfigFiles.save(ws, GATES, lf, edited, Map.of()).isWritten()).isTrue();
        assertThat(text(GATES)).isEqualTo(edited.replace("\n", "\r\n"));
    }

    @Test
    void aSchemaThatIsNoLongerJsonIsRefusedInTheLoadersWords() throws Exception {
        String file = "schemas/classify.schema.json";
        String before = text(file);
        String edited = before.replaceFirst("\\{", "{,");

        List<InputError> refused = ConfigFiles.save(ws, file, before, edited, Map.of()).refused();

        assertThat(refused).isNotEmpty();
        assertThat(refused.get(0).toString()).startsWith(file + ":1:");
        assertThat(text(file)).isEqualTo(before);
    }

    @Test
    void aPolicyChangedUnderItsRevisionIsSavedAsTheNextAndARevisionTheAuthorGaveIsKept() throws Exception {
        String file = "policy.yaml";
        String before = text(file);
        assertThat(before).contains("revision: 1\n");
        String edited = before.replace("revision: 1\n", "revision: 1   # raised by hand, or not\n") + "# reviewed\n";

        ConfigFiles.Saved saved = ConfigFiles.save(ws, file, before, edited, Map.of());

        assertThat(saved.revision()).isEqualTo(2);
        assertThat(saved.written()).isEqualTo(edited.replace("revision: 1 ", "revision: 2 "));
        assertThat(text(file)).isEqualTo(saved.written());
        assertThat(WorkspaceLoader.load(new DiskWorkspaceFiles(ws), Map.of()).policy().revision()).isEqualTo(2);

        // Given by the author, the revision is theirs; another file's revision-like key is no policy's.
        String mine = saved.written().replace("revision: 2 ", "revision: 7 ").replace("# reviewed\n", "");
        ConfigFiles.Saved again = ConfigFiles.save(ws, file, saved.written(), mine, Map.of());
        assertThat(again.revision()).isZero();
        assertThat(text(file)).isEqualTo(mine);
        String schema = "schemas/classify.schema.json";
        assertThat(ConfigFiles.save(ws, schema, text(schema), text(schema) + "\n", Map.of()).revision()).isZero();

        // A run read another text under revision 7 (edited outside the window): saved as it is, it gets the next one.
        ConfigFiles.Saved raised = ConfigFiles.save(ws, file, mine, mine, Map.of(), true);
        assertThat(raised.revision()).isEqualTo(8);
        assertThat(text(file)).isEqualTo(mine.replace("revision: 7 ", "revision: 8 "));
    }

    @Test
    void aGateIsFoundAtItsIdInTheGatesFileTheManifestNames() throws Exception {
        var actions = ConfigFiles.gatePlace(ws, "actions");
        assertThat(actions.file()).isEqualTo(GATES);
        assertThat(Files.readAllLines(ws.resolve(GATES)).get(actions.line() - 1)).contains("{id: actions,");
        assertThat(ConfigFiles.gatePlace(ws, "no-such-gate").line()).as("the file, no line").isZero();

        Files.createDirectories(ws.resolve("checks"));
        Files.move(ws.resolve(GATES), ws.resolve("checks/release-gates.yaml"));
        Files.writeString(ws.resolve("evalbench.yaml"), text("evalbench.yaml") + "gates: checks/release-gates.yaml\n");
        assertThat(ConfigFiles.gatePlace(ws, "actions").file()).isEqualTo("checks/release-gates.yaml");
    }

    private String text(String file) throws Exception {
        return Files.readString(ws.resolve(file), StandardCharsets.UTF_8);
    }
}
