package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotWorkspaceFilesTest {
    @Test
    void holdsACopyThatCallersCannotChange() throws Exception {
        byte[] original = "id: a".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> map = new HashMap<>(Map.of("prompts/a.yaml", original, "evalbench.yaml", new byte[] {1}));
        SnapshotWorkspaceFiles files = new SnapshotWorkspaceFiles("snapshot of run r1", map);

        original[0] = 'X';
        map.clear();
        files.read("prompts/a.yaml")[0] = 'Y';

        assertThat(new String(files.read("prompts/a.yaml"), StandardCharsets.UTF_8)).isEqualTo("id: a");
        assertThat(files.describe()).isEqualTo("snapshot of run r1");
    }

    @Test
    void listsOnlyTheFilesDirectlyInAFolder() {
        SnapshotWorkspaceFiles files = new SnapshotWorkspaceFiles("s", Map.of(
                "prompts/b.yaml", new byte[0], "prompts/a.yaml", new byte[0], "prompts/old/c.yaml", new byte[0], "gates.yaml", new byte[0]));

        assertThat(files.list("prompts")).containsExactly("prompts/a.yaml", "prompts/b.yaml");
        assertThat(files.list("")).containsExactly("gates.yaml");
        assertThat(files.list("nothing")).isEmpty();
    }

    @Test
    void missingAndEscapingPathsAreNotThere() {
        SnapshotWorkspaceFiles files = new SnapshotWorkspaceFiles("s", Map.of("a.yaml", new byte[0]));

        assertThat(files.exists("../a.yaml")).isFalse();
        assertThatThrownBy(() -> files.read("b.yaml")).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> new SnapshotWorkspaceFiles("s", Map.of("../x", new byte[0]))).isInstanceOf(IllegalArgumentException.class);
    }
}
