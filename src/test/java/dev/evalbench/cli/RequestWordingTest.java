package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core's request errors carry a field and a reason; the CLI words them with its flags. The printed lines are
 * the ones the CLI printed before the seam moved the checks into core.
 */
class RequestWordingTest {
    @TempDir
    Path tmp;

    @Test
    void requestFieldsAreWordedAsTheFlagsThatSetThem() {
        Path ws = Cli.copySample(tmp);

        Cli.Result route = Cli.run("run", ws.toString(), "--route", "gpt-9", "--quiet");
        Cli.Result repeat = Cli.run("run", ws.toString(), "--repeat", "0", "--quiet");

        assertThat(route.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(route.err()).startsWith("error: --route: unknown route \"gpt-9\" (routes in ");
        assertThat(repeat.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(repeat.err()).contains("error: --repeat: must be at least 1");
    }

    @Test
    void historyRunNamesAndTagsReadAsBefore() {
        Path ws = Cli.copySample(tmp);

        Cli.Result noHistory = Cli.run("history", ws.toString());
        assertThat(noHistory.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noHistory.err()).contains("no run history here (run `evalbench run` first, or name the workspace with --workspace DIR or the history with --db PATH)");

        assertThat(Cli.run("run", ws.toString(), "--suite", "safety", "--quiet").exit()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        Cli.Result unknown = Cli.run("tag", "nope", "main", "--workspace", ws.toString());
        Cli.Result badTag = Cli.run("tag", "latest", "latest", "--workspace", ws.toString());
        Cli.Result complete = Cli.run("resume", "latest", "--workspace", ws.toString());

        assertThat(unknown.err()).contains("error: nope: no run, tag or run file named \"nope\" (see `evalbench history`)");
        assertThat(badTag.err()).contains("error: tag \"latest\" is not allowed: use letters, digits");
        assertThat(complete.err()).containsPattern("error: latest: run \\S+ is already complete: nothing to resume");
        assertThat(java.util.List.of(unknown.exit(), badTag.exit(), complete.exit())).containsOnly(ExitCodes.BAD_INPUT);
    }

    /**
     * A run named by a prefix of several runs' ids is a name to type more of: exit 2, as any bad name. It exited 3, the
     * code of a history that failed, which a CI step reads as "retry".
     */
    @Test
    void aPrefixOfSeveralRunsIdsIsBadInput() {
        Path ws = Cli.copySample(tmp);
        for (int i = 0; i < 2; i++) {
            assertThat(Cli.run("run", ws.toString(), "--suite", "safety", "--quiet").exit())
                    .isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        }
        Cli.Result gate = Cli.run("gate", ws.toString(), "--run", "20");
        Cli.Result compare = Cli.run("compare", "20", "latest", "--workspace", ws.toString());

        for (Cli.Result r : java.util.List.of(gate, compare)) {
            assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains("error: 20: \"20\" is ambiguous: it begins 2 run ids (")
                    .contains("); type more of the id");
        }
    }

    /**
     * The run comes first, then the tag; in git's order (`git tag NAME COMMIT`) a run id became a tag of main's run,
     * and the command said "20261206-022640 -> 20261206-021446-a040", exit 0. A tag a run's id starts with is refused.
     */
    @Test
    void aTagThatIsARunsIdIsRefusedWithTheOrderOfTheArguments() throws Exception {
        Path ws = Cli.copySample(tmp);
        assertThat(Cli.run("run", ws.toString(), "--suite", "safety", "--quiet").exit())
                .isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        assertThat(Cli.run("tag", "latest", "main", "--workspace", ws.toString()).exit()).isZero();
        assertThat(Cli.run("run", ws.toString(), "--suite", "safety", "--quiet").exit())
                .isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        String latest = dev.evalbench.core.json.Json.MAPPER.readTree(Cli.run("history", ws.toString(), "--json").out())
                .get(0).get("run_id").asText();
        String prefix = latest.substring(0, 15);

        Cli.Result swapped = Cli.run("tag", "main", prefix, "--workspace", ws.toString());

        assertThat(swapped.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(swapped.err()).contains("error: tag \"" + prefix + "\" looks like a run id: the run comes first,"
                + " then the tag: `evalbench tag " + prefix + " main`");
        assertThat(Cli.run("tag", "main", latest, "--workspace", ws.toString()).exit()).isEqualTo(ExitCodes.BAD_INPUT);
        // The same order with the run named by its place in the history.
        Cli.Result byPlace = Cli.run("tag", "main", "latest~1", "--workspace", ws.toString());
        assertThat(byPlace.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(byPlace.err()).contains("error: tag \"latest~1\" is not allowed: it names a run; the run comes first,"
                + " then the tag: `evalbench tag latest~1 main`");
        assertThat(Cli.run("tag", "latest", "release-2026.12", "--workspace", ws.toString()).exit()).isZero();
        // Nor may an imported capture carry one.
        Cli.Result imported = Cli.run("traffic", "import", ws.resolve("traffic/control-small.jsonl").toString(), "-w",
                ws.toString(), "--tag", "20261206");
        assertThat(imported.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(imported.err()).contains("error: tag \"20261206\" looks like a run id, which it would stand in for:"
                + " choose a name that does not begin with a date");
        assertThat(Cli.run("history", ws.toString()).out()).doesNotContain("traffic");
        assertThat(Cli.run("history", ws.toString()).out()).doesNotContain(prefix + ",").doesNotContain(prefix + " ");
    }

    /**
     * A mistyped name gets the names near it: a route, and a baseline tag in a CI step ("mian" for main), which
     * otherwise read as "no such run" and sent the reader to the history to find what was meant.
     */
    @Test
    void aMistypedRouteOrBaselineTagNamesTheOneMeant() {
        Path ws = Cli.copySample(tmp);
        assertThat(Cli.run("run", ws.toString(), "--suite", "safety", "--quiet").exit()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        assertThat(Cli.run("tag", "latest", "main", "--workspace", ws.toString()).exit()).isZero();

        Cli.Result route = Cli.run("run", ws.toString(), "--route", "ofline", "--quiet");
        Cli.Result baseline = Cli.run("gate", ws.toString(), "--baseline", "mian");
        Cli.Result far = Cli.run("gate", ws.toString(), "--baseline", "release-7");
        Cli.Result lates = Cli.run("compare", "main", "lates", "--workspace", ws.toString());
        Cli.Result back = Cli.run("compare", "latest~3", "latest", "--workspace", ws.toString());
        Cli.Result previous = Cli.run("report", "latest", "--baseline", "previous", "--workspace", ws.toString(),
                "--out", tmp.resolve("report").toString());

        assertThat(route.err()).startsWith("error: --route: unknown route \"ofline\" (did you mean offline? routes in ");
        assertThat(baseline.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(baseline.err()).isEqualTo("error: mian: no run, tag or run file named \"mian\"; did you mean main? "
                + "(see `evalbench history`)" + System.lineSeparator());
        assertThat(far.err()).as("nothing near: no guess").contains("named \"release-7\" (see `evalbench history`)");
        assertThat(lates.err()).as("the word latest is a name too").isEqualTo("error: lates: no run, tag or run file named "
                + "\"lates\"; did you mean latest? (see `evalbench history`)" + System.lineSeparator());
        assertThat(previous.err()).as("the window's word for it").isEqualTo("error: previous: no run, tag or run file named"
                + " \"previous\"; the run before the latest is latest~1 (see `evalbench history`)" + System.lineSeparator());
        assertThat(tmp.resolve("report")).doesNotExist();
        // A run file where a run of the history is read: said so, not "no … run file named" a file that is there.
        Path exported = tmp.resolve("run.json");
        assertThat(Cli.run("export", "main", "--workspace", ws.toString(), "--out", exported.toString()).exit()).isZero();
        Cli.Result file = Cli.run("tag", exported.toString(), "nightly", "--workspace", ws.toString());
        assertThat(file.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(file.err()).isEqualTo("error: " + exported + ": \"" + exported + "\" is a run file (an export or a report), "
                + "not a run of the history, which this command reads (an id, a tag, latest); compare, --baseline and open "
                + "read run files" + System.lineSeparator());
        // Further back than the history goes: how far it goes, not "did you mean latest?".
        assertThat(back.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(back.err()).isEqualTo("error: latest~3: no run, tag or run file named \"latest~3\": the history has 1 run, "
                + "the oldest is latest (see `evalbench history`)" + System.lineSeparator());
    }

    /**
     * A chosen route whose fallback needs a key that is unset: refused before the run, and the message says which
     * chosen route reaches it (the user named offline-live, not openai).
     */
    @Test
    void aFallbacksMissingKeyNamesTheRouteThatFallsBackToIt() throws Exception {
        Path ws = Cli.copySample(tmp);
        Cli.edit(ws.resolve("routes.yaml"), "    params: {realtime: true}\n", "    params: {realtime: true}\n    fallbacks: [openai]\n");

        Cli.Result r = Cli.run(java.util.Map.of(), "run", ws.toString(), "--route", "offline-live", "--quiet");

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("error: --route: route openai (a fallback of route offline-live) reads its API key "
                + "from OPENAI_API_KEY, which is not set in the environment; set it where Evalbench starts (a local server "
                + "takes any value), or choose another route" + System.lineSeparator());
        assertThat(ws.resolve(".evalbench")).as("nothing written").doesNotExist();
    }
}
