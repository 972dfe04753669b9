package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.workspace.DiskWorkspaceFiles;
import dev.evalbench.core.workspace.WorkspaceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite's eval set version given anew in the starter's evalbench.yaml, the rest of the file as it was. */
class EvalSetVersionsTest {
    @TempDir Path temp;

    @Test
    void theNextVersionRaisesTheLastNumber() {
        assertThat(EvalSetVersions.next("2026.11.1")).isEqualTo("2026.11.2");
        assertThat(EvalSetVersions.next("1")).isEqualTo("2");
        assertThat(EvalSetVersions.next("v9")).isEqualTo("v10");
        assertThat(EvalSetVersions.next("007")).isEqualTo("008");
        assertThat(EvalSetVersions.next("1.4-rc")).isEqualTo("1.5-rc");
        assertThat(EvalSetVersions.next("beta")).isEqualTo("beta.2");
    }

    @Test
    void aVersionIsReplacedWhereItIsWrittenAndTheWorkspaceReadsIt() throws Exception {
        Path ws = StarterWorkspace.create(temp.resolve("demo"), "demo").folder();
        String before = Files.readString(ws.resolve("evalbench.yaml"));
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("safety", "2");
        versions.put("feedback", "2026.12");

        EvalSetVersions.write(ws, versions, Map.of());

        String after = Files.readString(ws.resolve("evalbench.yaml"));
        // The starter's comment after the feedback suite's version stays, and so does every other line.
        assertThat(after).contains("    version: \"2026.12\"                  # the eval set's version")
                .isEqualTo(before.replaceFirst("version: \"1\"", "version: \"2026.12\"").replaceFirst(
                        "(kind: safety[\\s\\S]*?)version: \"1\"", "$1version: \"2\""));
        var suites = WorkspaceLoader.load(new DiskWorkspaceFiles(ws), Map.of()).suites();
        assertThat(suites).extracting(s -> s.name() + " " + s.version()).containsExactly("feedback 2026.12", "safety 2");
    }

    @Test
    void aSuiteWithoutAVersionOrAnEmptyOneIsRefusedAndNothingWritten() throws Exception {
        Path ws = StarterWorkspace.create(temp.resolve("demo"), "demo").folder();
        String before = Files.readString(ws.resolve("evalbench.yaml"));
        assertThatThrownBy(() -> EvalSetVersions.write(ws, Map.of("nope", "2"), Map.of()))
                .hasMessageContaining("gives suite nope no version to replace");
        assertThatThrownBy(() -> EvalSetVersions.write(ws, Map.of("feedback", " "), Map.of()))
                .hasMessageContaining("suite feedback: a version is some text");
        assertThat(Files.readString(ws.resolve("evalbench.yaml"))).isEqualTo(before);
    }
}
