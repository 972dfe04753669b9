package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of two routes through the real command line: the gates judge both routes' cases together, so the terminal
 * and the CI summary say how each route did. A run of two routes read "FAILED" with nothing to say which route failed.
 */
class RoutesOfOneRunTest {
    @TempDir
    Path tmp;

    @Test
    void aRunOfTwoRoutesSaysHowEachDid() throws Exception {
        Path ws = Cli.copySample(tmp);
        Path db = tmp.resolve("history.db");

        // The grader's answers are no triage JSON: the policy rejects each, which every safety probe allows.
        Path summary = tmp.resolve("summary.md");
        Cli.Result two = Cli.run("run", ws.toString(), "--route", "offline,grader", "--suite", "safety", "--db", db.toString(),
                "--quiet", "--markdown", summary.toString());
        assertThat(two.out()).contains("\nby route: grader 32 of 32 passed, offline 30 of 32 passed (the gates above judge the"
                + " routes' cases together; run a route alone to gate it alone)\n");
        assertThat(java.nio.file.Files.readString(summary)).as("the CI summary").contains("\n**By route:** grader 32 of 32"
                + " passed, offline 30 of 32 passed (the gates judge the routes' cases together)\n");

        Cli.Result one = Cli.run("run", ws.toString(), "--route", "offline", "--suite", "safety", "--db", db.toString(),
                "--quiet");
        assertThat(one.out()).as("one route: nothing to tell apart").doesNotContain("by route");
    }
}
