package dev.evalbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review marks on disk: one file per ordered pair of runs, the newest change wins, a foreign file is no marks. */
@org.junit.jupiter.api.parallel.Isolated("every test class under app runs alone (TestIsolationRulesTest)")
class ReviewMarksFileTest {
    @TempDir Path config;

    @Test
    void marksAreKeptPerOrderedPairOfRunsAndACopysSuffixDoesNotCount() throws Exception {
        ReviewMarksFile file = new ReviewMarksFile(config);
        ReviewMarksFile.Pair pair = file.pair("run-a", "run-b");
        assertThat(pair.read()).isEmpty();
        pair.write(pair.nextVersion(), Set.of("triage/t003", "triage/t016"));
        assertThat(new ReviewMarksFile(config).pair("run-a", "run-b").read()).containsExactlyInAnyOrder("triage/t003", "triage/t016");
        // The same run opened twice from files is "run-a~2" the second time: the same marks.
        assertThat(file.pair("run-a~2", "run-b").read()).containsExactlyInAnyOrder("triage/t003", "triage/t016");
        assertThat(file.pair("run-b", "run-a").read()).isEmpty();
        assertThat(pair.file().getParent()).isEqualTo(config.resolve("reviews"));
        try (var files = Files.list(config.resolve("reviews"))) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".json") && !n.endsWith(".tmp"));
        }
    }

    @Test
    void aWriteOlderThanOneAlreadyMadeIsDropped() throws Exception {
        ReviewMarksFile.Pair pair = new ReviewMarksFile(config).pair("a", "b");
        long older = pair.nextVersion();
        long newer = pair.nextVersion();
        pair.write(newer, Set.of("s/2"));
        pair.write(older, Set.of("s/1"));
        assertThat(pair.read()).containsExactly("s/2");
    }

    @Test
    void aFileThatIsNotOursOrNotJsonCountsAsNoMarks() throws Exception {
        ReviewMarksFile.Pair pair = new ReviewMarksFile(config).pair("a", "b");
        Files.createDirectories(pair.file().getParent());
        Files.writeString(pair.file(), "{not json");
        assertThat(pair.read()).isEmpty();
        Files.writeString(pair.file(), "{\"format\": \"evalbench-review-marks/1\", \"first_run\": \"x\", \"second_run\": \"b\", \"reviewed\": [\"s/1\"]}");
        assertThat(pair.read()).isEmpty();
        pair.write(pair.nextVersion(), Set.of("s/3"));
        assertThat(pair.read()).containsExactly("s/3");
    }
}
