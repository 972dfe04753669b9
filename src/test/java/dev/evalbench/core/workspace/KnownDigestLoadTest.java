package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's stored snapshot, checked against its hashes by the store, loads without hashing each file again:
 * the workspace is the one hashing gives, digests included. A source that vouches for no hash is hashed.
 */
class KnownDigestLoadTest {
    @TempDir Path dir;

    @Test
    void aSnapshotWithKnownDigestsLoadsAsTheFolderDoes() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        Workspace fromDisk = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String path : fromDisk.inputDigests().keySet()) files.put(path, Files.readAllBytes(root.resolve(path)));

        Workspace vouched = WorkspaceLoader.loadForReading(
                new SnapshotWorkspaceFiles("snapshot", files, fromDisk.inputDigests()), Map.of(), fromDisk.inputDigests());
        Workspace hashed = WorkspaceLoader.loadForReading(
                new SnapshotWorkspaceFiles("snapshot", files), Map.of(), fromDisk.inputDigests());

        assertThat(vouched.inputDigests()).isEqualTo(fromDisk.inputDigests()).isEqualTo(hashed.inputDigests());
        assertThat(vouched.suites()).isEqualTo(fromDisk.suites());
        assertThat(vouched.gates()).isEqualTo(fromDisk.gates());
    }

    @Test
    void onlyTheDigestsOfFilesHeldAreKnown() {
        SnapshotWorkspaceFiles files = new SnapshotWorkspaceFiles("snapshot", Map.of("gates.yaml", new byte[] {1}),
                Map.of("./gates.yaml", "abc", "other.yaml", "def"));

        assertThat(files.knownDigest("gates.yaml")).isEqualTo("abc");
        assertThat(files.knownDigest("other.yaml")).isNull();
        assertThat(Stream.of(new DiskWorkspaceFiles(dir).knownDigest("gates.yaml"))).containsOnlyNulls();
    }
}
