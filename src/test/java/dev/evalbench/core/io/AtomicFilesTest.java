package dev.evalbench.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void aGroupThatCannotBeWrittenCompletelyLeavesEveryTargetAsItWas() throws Exception {
        Path report = dir.resolve("report.json");
        Files.writeString(report, "old report");
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(report, "new report".getBytes(StandardCharsets.UTF_8));
        files.put(blocker.resolve("report.md"), "cannot go here".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> AtomicFiles.writeAll(files)).isInstanceOf(IOException.class);

        assertThat(report).hasContent("old report");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.json", "not-a-folder");
        }
    }

    @Test
    void aNewFileIsReadableByOthersAndAReplacedOneKeepsItsMode() throws Exception {
        Path fresh = dir.resolve("report.html");
        Path kept = Files.writeString(dir.resolve("report.intoto.json"), "v1");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFiles.write(fresh, "page".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(kept, "v2".getBytes(StandardCharsets.UTF_8));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-r-----");
        assertThat(kept).hasContent("v2");
    }
}
