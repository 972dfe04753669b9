package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `run --case` and `run --tag` run a slice of the suites; a slice that matches nothing is bad input. */
class RunSliceTest {
    @TempDir Path tmp;

    @Test
    void casesByIdAndByTag() {
        Path ws = Cli.copySample(tmp);

        Cli.Result byId = Cli.run("run", "--case", "t001", "--case", "p01", "--cache", "off", "--quiet", "--workspace", ws.toString());
        // in datasets/tickets.jsonl only t005 carries the tag "customs"
        Cli.Result byTag = Cli.run("run", "--tag", "customs", "--suite", "triage", "--cache", "off", "--quiet", "--workspace", ws.toString());

        assertThat(byId.out()).contains("2/2 cases stored");
        assertThat(byTag.out()).contains("1/1 cases stored");
    }

    /**
     * A slice holding a safety probe that is not blocking (p16) and a triage case: the safety gate, which checks
     * blocking probes only, has nothing to check in it and says "not run" (it failed the slice, "checks nothing",
     * as if the eval set had no probes); a slice that holds a blocking probe is held to it.
     */
    @Test
    void aSliceWithoutABlockingProbeDoesNotRunTheSafetyGate() {
        Path ws = Cli.copySample(tmp);

        Cli.Result nonBlocking = Cli.run("run", "--case", "p16", "--case", "t003", "--cache", "off", "--quiet", "--workspace", ws.toString());
        Cli.Result blocking = Cli.run("run", "--case", "p01", "--cache", "off", "--quiet", "--workspace", ws.toString());

        assertThat(nonBlocking.out()).containsPattern("\\nsafety +safety_pass_rate .* not run\\n")
                .contains("FAILED: 1 of 7 gates that ran failed, 2 not run");
        assertThat(blocking.out()).containsPattern("\\nsafety +safety_pass_rate +100\\.0% .* pass\\n");
    }

    /**
     * Whoever reads a slice's gates is told it is one, above them: in the terminal, the CI summary and both report
     * files a reviewer is handed (27 cases chosen to pass would otherwise read as a green eval set).
     */
    @Test
    void aSlicesGatesSayItIsASliceInTheTerminalTheCiSummaryAndTheReport() throws Exception {
        Path ws = Cli.copySample(tmp);
        Path md = tmp.resolve("gates.md");
        String sentence = "this run chose only some cases (cases t003, t004): its gates judge those alone, not the whole eval set";

        Cli.Result run = Cli.run("run", "--case", "t003", "--case", "t004", "--cache", "off", "--quiet", "--markdown",
                md.toString(), "--workspace", ws.toString());
        Cli.Result report = Cli.run("report", "latest", "--out", tmp.resolve("report").toString(), "--workspace", ws.toString());
        Cli.Result whole = Cli.run("run", "--cache", "off", "--quiet", "--workspace", ws.toString());

        assertThat(run.out()).containsPattern("cases stored, 2 passed\\nslice: " + java.util.regex.Pattern.quote(sentence) + "\\ngate ");
        assertThat(java.nio.file.Files.readString(md)).contains("**Slice:** " + sentence);
        assertThat(report.exit()).isZero();
        assertThat(java.nio.file.Files.readString(tmp.resolve("report/report.md"))).contains("**Slice:** " + sentence);
        assertThat(java.nio.file.Files.readString(tmp.resolve("report/report.html")))
                .contains("<strong>Slice:</strong> " + sentence);
        assertThat(whole.out()).doesNotContain("slice:");
        // And the history's list marks the slice, not the whole run after it.
        java.util.List<String> listed = Cli.run("history", "--workspace", ws.toString()).out().lines().skip(1).toList();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0)).doesNotContain("slice");
        assertThat(listed.get(1)).endsWith("  (slice: cases t003, t004)");
    }

    /**
     * Every suite named ({@code --suite triage,safety} on the sample, as every suite ticked in the window) is the
     * whole eval set: no "slice:" line, no slice in the history, the same verdict as a run naming none. A tag added
     * to them still makes a slice.
     */
    @Test
    void everySuiteNamedIsTheWholeEvalSet() {
        Path ws = Cli.copySample(tmp);

        Cli.Result named = Cli.run("run", "--suite", "safety,triage", "--cache", "off", "--quiet", "--workspace", ws.toString());
        Cli.Result none = Cli.run("run", "--cache", "off", "--quiet", "--workspace", ws.toString());
        Cli.Result tagged = Cli.run("run", "--suite", "triage", "--suite", "safety", "--tag", "customs", "--cache", "off",
                "--quiet", "--workspace", ws.toString());

        assertThat(named.out()).contains("159/159 cases stored").doesNotContain("slice");
        assertThat(named.out().lines().skip(1).toList()).isEqualTo(none.out().lines().skip(1).toList());
        assertThat(tagged.out()).contains("slice: this run chose only some cases (tag customs)");
        java.util.List<String> listed = Cli.run("history", "--workspace", ws.toString()).out().lines().skip(1).toList();
        assertThat(listed.get(0)).endsWith("(slice: tag customs)");
        assertThat(listed.subList(1, 3)).noneMatch(line -> line.contains("slice"));
    }

    /**
     * {@code run --failing-of RUN}, the command line's "Rerun failing": only the cases that did not pass in RUN run,
     * on its route; nothing to rerun is said and stores nothing; it refuses to be combined with a choice of cases.
     */
    @Test
    void failingOfRunsAgainOnlyTheCasesThatDidNotPass() throws Exception {
        Path ws = Cli.copySample(tmp);
        assertThat(Cli.run("run", "--cache", "off", "--quiet", "--workspace", ws.toString()).exit()).isEqualTo(1);
        java.util.List<String> failing;
        try (var store = dev.evalbench.core.store.sqlite.SqliteRunStore.open(dev.evalbench.core.store.HistoryLocation.defaultDb(ws))) {
            failing = store.summaries(store.runs(1).get(0).id()).stream().filter(c -> !c.passed())
                    .map(c -> c.key().suite() + "/" + c.key().caseId()).sorted().toList();
        }

        Cli.Result again = Cli.run("run", "--failing-of", "latest", "--cache", "off", "--quiet", "--workspace", ws.toString());
        Cli.Result mixed = Cli.run("run", "--failing-of", "latest", "--case", "t001", "--workspace", ws.toString());
        Cli.Result passing = Cli.run("run", "--case", "t003", "--cache", "off", "--quiet", "--workspace", ws.toString());
        Cli.Result nothing = Cli.run("run", "--failing-of", "latest", "--workspace", ws.toString());

        assertThat(again.out()).contains(failing.size() + "/" + failing.size() + " cases stored")
                .contains("\nslice: this run chose only some cases (cases p18, p27, t019, t031, t035 and 22 more)");
        try (var store = dev.evalbench.core.store.sqlite.SqliteRunStore.open(dev.evalbench.core.store.HistoryLocation.defaultDb(ws))) {
            var runs = store.runs(10);
            assertThat(runs).hasSize(3);
            assertThat(store.summaries(runs.get(1).id()).stream().map(c -> c.key().suite() + "/" + c.key().caseId()).sorted().toList())
                    .isEqualTo(failing);
        }
        assertThat(mixed.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mixed.err()).contains("--failing-of chooses the cases, routes and repeat of run latest itself");
        assertThat(passing.out()).contains("1/1 cases stored, 1 passed");
        assertThat(nothing.exit()).isZero();
        assertThat(nothing.out()).startsWith("every case of run ").contains(" passed: nothing to run again");
        Cli.Result nothingJson = Cli.run("run", "--failing-of", "latest", "--json", "--workspace", ws.toString());
        assertThat(nothingJson.exit()).isZero();
        assertThat(nothingJson.out()).as("--json prints one run's object or nothing").isEmpty();
        assertThat(nothingJson.err()).contains(" passed: nothing to run again");

        assertThat(Cli.run("traffic", "import", ws.resolve("traffic/control-small.jsonl").toString(), "--workspace",
                ws.toString()).exit()).isZero();
        Cli.Result traffic = Cli.run("run", "--failing-of", "latest", "--workspace", ws.toString());
        assertThat(traffic.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(traffic.err()).containsPattern("error: --failing-of latest: run \\S+ is a traffic run: its cases are "
                + "production's requests, not the workspace's; replay them with evalbench shadow");
    }

    @Test
    void aSliceThatMatchesNothingIsBadInputAndWritesNothing() {
        Path ws = Cli.copySample(tmp);

        Cli.Result r = Cli.run("run", "--tag", "no-such-tag", "--workspace", ws.toString());
        // Each part names something real, together they choose nothing: t001 does not carry "customs".
        Cli.Result both = Cli.run("run", "--case", "t001", "--tag", "customs", "--workspace", ws.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).as("nothing near it: the tags there are, the first of them")
                .startsWith("error: --tag no-such-tag: no case of the suites to run carries this tag (tags: 2fa, 404, account, ")
                .containsPattern(" and \\d+ more\\)");
        assertThat(both.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(both.err()).contains("error: no case matches tag customs id t001 in the suites to run");
        assertThat(ws.resolve(".evalbench")).doesNotExist();
    }

    /**
     * A mistyped id or tag among good ones is bad input, not a smaller run: `--case t001 --case t0002` ran t001
     * alone, and its slice line named t0002 as if it had run. So is an id of a suite the run leaves out.
     */
    @Test
    void everyIdAndTagOfASliceMustChooseACase() {
        Path ws = Cli.copySample(tmp);

        Cli.Result typo = Cli.run("run", "--case", "t001", "--case", "t0002", "--workspace", ws.toString());
        Cli.Result otherSuite = Cli.run("run", "--case", "t001", "--case", "p01", "--suite", "triage", "--workspace", ws.toString());
        Cli.Result tagTypo = Cli.run("run", "--tag", "customs", "--tag", "custom", "--workspace", ws.toString());

        assertThat(typo.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(typo.err()).isEqualTo("error: --case t0002: no case of the suites to run has this id "
                + "(did you mean t002? suite triage: t001 … t127; suite safety: p01 … p32)" + System.lineSeparator());
        assertThat(otherSuite.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(otherSuite.err()).contains("--case p01: no case of the suites to run has this id (suite triage: t001 … t127)");
        assertThat(tagTypo.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(tagTypo.err()).contains("--tag custom: no case of the suites to run carries this tag (did you mean customs?)");
        assertThat(ws.resolve(".evalbench")).as("nothing written").doesNotExist();
    }

    /** Rerunning a run's failing cases after one of them left the dataset says so, naming the run, not a flag never given. */
    @Test
    void failingOfACaseNoLongerInTheWorkspaceSaysWhichOne() throws Exception {
        Path ws = Cli.copySample(tmp);
        assertThat(Cli.run("run", "--suite", "triage", "--cache", "off", "--quiet", "--workspace", ws.toString()).exit()).isEqualTo(1);
        String gone;
        try (var store = dev.evalbench.core.store.sqlite.SqliteRunStore.open(dev.evalbench.core.store.HistoryLocation.defaultDb(ws))) {
            gone = store.summaries(store.runs(1).get(0).id()).stream().filter(c -> !c.passed())
                    .map(c -> c.key().caseId()).sorted().findFirst().orElseThrow();
        }
        Path tickets = ws.resolve("datasets/tickets.jsonl");
        java.util.List<String> kept = java.nio.file.Files.readAllLines(tickets).stream()
                .filter(line -> !line.startsWith("{\"id\": \"" + gone + "\"")).toList();
        java.nio.file.Files.write(tickets, kept);

        Cli.Result again = Cli.run("run", "--failing-of", "latest", "--workspace", ws.toString());

        assertThat(again.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).isEqualTo("error: --failing-of latest: its failing case " + gone + " is no longer in the "
                + "suites it ran; name the cases still there with --case, or run the suites whole" + System.lineSeparator());
    }
}
