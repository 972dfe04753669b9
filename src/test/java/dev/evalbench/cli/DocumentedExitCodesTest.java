package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit codes README.md and docs/ci.md promise, through the real command line: an outage is 3 and resume
 * finishes it, an unset key is 2 with nothing written, a bad --limit is 2, report exits 0 with failed gates,
 * a suite subset shows the other suites' gates as "not run", naming a workspace works the same everywhere, and an
 * output path through a file is 2.
 * (Ctrl-C and SIGTERM on a real child process: {@link KillAndResumeTest}.)
 */
class DocumentedExitCodesTest {
    @TempDir
    Path tmp;

    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();

    @Test
    void anOutagesGatesOfSuitesTheRunLeftOutReadNotRunAndThoseItStoppedBeforeNoAnswer() throws Exception {
        server.setDispatcher(new FakeChatCompletions().otherwise(FakeChatCompletions.status(401, "{\"error\":\"bad key\"}")));
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-test");
        ws.write("gates.yaml", java.nio.file.Files.readString(Cli.SAMPLE.resolve("gates.yaml")));

        OpenAiWorkspace.Run safetyOnly = ws.runSafety("--concurrency", "1");
        OpenAiWorkspace.Run whole = ws.runWith("--route", "openai", "--concurrency", "1");

        Path summary = tmp.resolve("summary.md");
        Cli.Result slice = Cli.run(ws.env, "gate", safetyOnly.header().id(), "--workspace", ws.dir.toString(), "--db",
                ws.db.toString(), "--markdown", summary.toString());
        // The triage gates of a safety run were chosen out: "not run", as in a run that was answered; they read "no
        // answer" as though the outage had kept them.
        assertThat(slice.out()).containsPattern("\ncategory-accuracy +metric +— .* not run\n")
                .containsPattern("\nshipping-actions +metric +— .* not run\n")
                .containsPattern("\nsafety +safety_pass_rate +— .* no answer\n");
        assertThat(java.nio.file.Files.readString(summary))
                .startsWith("## ❌ Evalbench: 5 gates not measured: no answer from the model, 4 not run\n");
        // A whole run the outage stopped before it reached the triage suite: those gates would have run.
        Cli.Result all = Cli.run(ws.env, "gate", whole.header().id(), "--workspace", ws.dir.toString(), "--db",
                ws.db.toString());
        assertThat(all.out()).containsPattern("\ncategory-accuracy +metric +— .* no answer\n")
                .containsPattern("\nshipping-actions +metric +— .* no answer\n").doesNotContain("not run");
    }

    @Test
    void aRunWithNoAnswerIsAnOutageExit3AndResumeFinishesIt() throws Exception {
        FakeChatCompletions chat = new FakeChatCompletions().otherwise(FakeChatCompletions.status(401, "{\"error\":\"bad key\"}"));
        server.setDispatcher(chat);
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-test");

        // One call at a time, so that exactly the first three are sent: after three 401s the route is not called again.
        OpenAiWorkspace.Run outage = ws.runSafety("--concurrency", "1");
        assertThat(outage.result().exit()).as(outage.result().err()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(chat.exchanges()).as("a bad key sent 3 times, not 32").hasSize(3);
        assertThat(outage.header().status()).isEqualTo(RunStatus.INCOMPLETE);
        assertThat(outage.json().get("status").asText()).isEqualTo("incomplete");

        Path summary = tmp.resolve("summary.md");
        Path junit = tmp.resolve("gates.xml");
        java.util.Map<String, String> actions = new java.util.HashMap<>(ws.env);
        actions.put("GITHUB_ACTIONS", "true");
        Cli.Result text = Cli.run(actions, "gate", "--workspace", ws.dir.toString(), "--db", ws.db.toString(),
                "--markdown", summary.toString(), "--junit", junit.toString());
        // The job's summary page says the run is incomplete and why, and that its gates measured nothing: no gate
        // "failed" for the outage (it listed four, "The run has no cases in this run").
        assertThat(text.err().lines().filter(l -> l.startsWith("::error")).toList()).satisfiesExactly(
                l -> assertThat(l).startsWith("::error title=Evalbench run incomplete::outage: no case got an answer from"
                        + " the model (3 provider failures, 29 cases not sent").endsWith("; resume with `evalbench resume "
                        + outage.header().id() + " --workspace " + ws.dir + " --db " + ws.db + "`"),
                l -> assertThat(l).isEqualTo("::error title=Evalbench gates not measured::"
                        + dev.evalbench.core.gate.ci.VerdictCells.NOT_MEASURED_IN_AN_OUTAGE));
        // A CI test reporter reads the gates as errors (they could not measure), not as the prompt's failures.
        assertThat(java.nio.file.Files.readString(junit)).as("the JUnit XML")
                .containsPattern("<testsuite [^>]*errors=\"[1-9]\\d*\"")
                .contains("<error message=\"Not measured: the model answered no case of this run")
                .contains("type=\"no_answer\"").doesNotContain("type=\"gate_failed\"")
                .contains("type=\"provider_failure\"");
        assertThat(java.nio.file.Files.readString(summary)).as("the CI summary")
                .contains("**outage:** no case got an answer from the model").doesNotContain("**refused:**")
                .containsPattern("## ❌ Evalbench: \\d+ gates not measured: no answer from the model\n")
                .contains("| ➖ no answer | schema | schema_pass_rate | — | ≥ 99.0% | — | — | — | — |")
                .doesNotContain("❌ |").doesNotContain("✅").doesNotContain("Failed gates");
        assertThat(text.out()).contains("outage: no case got an answer").contains("INCOMPLETE: resume with `evalbench resume");
        // How the routes served it, in words (it read "answered {}; fallbacks {}; provider failures {CLIENT_ERROR=32}"),
        // and the server's own words on the refusal, once: the refusal's event said them again above the outage's line.
        assertThat(text.out()).contains("routes: answered none; fallbacks none; provider failures client error 3; 0 retries\n")
                .doesNotContain("event: refused")
                .contains("outage: no case got an answer from the model (3 provider failures, 29 cases not sent: route openai"
                        + " not called: the server refused its first 3 calls with HTTP 401 (\"bad key\") (check its key, model"
                        + " and base_url));"
                        + " the run is incomplete and resume retries those cases\n");
        assertThat(text.out().split("no case got an answer", -1)).as("the outage said once").hasSize(2);
        assertThat(text.out().split("\"bad key\"", -1)).as("the server's words said once").hasSize(2);
        assertThat(Cli.run(ws.env, "gate", "--workspace", ws.dir.toString(), "--db", ws.db.toString(), "--json").out())
                .as("kept for scripts").containsPattern("\"kind\" ?: ?\"refused\"");
        // Its gates measured the outage: each reads "no answer" without a value, as the gates panel says it, not
        // "schema 0.0% FAIL" beside "no-leaks pass".
        assertThat(text.out()).containsPattern("\\nschema +schema_pass_rate +— +≥ 99\\.0% +— +— +— +no answer\\n")
                .doesNotContain(" FAIL\n").doesNotContain(" pass\n")
                .contains("  gates: Not measured: the model answered no case of this run");
        // The history marks it, as the window's runs list does: not one more "incomplete" among runs someone stopped.
        assertThat(Cli.run(ws.env, "history", "--workspace", ws.dir.toString(), "--db", ws.db.toString()).out())
                .containsPattern("\\n" + outage.header().id() + " .* incomplete +3/32 +openai +\\(slice: suite safety\\)"
                        + "  \\(no answer\\)\\n");
        // The report says it too, not just "the run is incomplete (32 of 32 cases stored)" over an empty chart.
        Path report = tmp.resolve("outage-report");
        Cli.Result written = Cli.run(ws.env, "report", outage.header().id(), "--workspace", ws.dir.toString(), "--db",
                ws.db.toString(), "--out", report.toString());
        assertThat(written.exit()).as(written.err()).isZero();
        assertThat(written.out()).containsPattern("verdict: run " + outage.header().id() + " is incomplete: \\d+ gates not"
                + " measured: no answer from the model \\(gates from ");
        String html = java.nio.file.Files.readString(report.resolve("report.html"));
        assertThat(html).contains("<strong>outage:</strong> no case got an answer from the model")
                .doesNotContain("<strong>refused:</strong>")
                .containsPattern(">INCOMPLETE</span>\\d+ gates not measured: no answer from the model · the run is incomplete")
                .contains("<span class=\"badge neutral\">no answer</span>").doesNotContain("badge fail\">FAIL<")
                .as("no gate row shaded as failed").doesNotContain("<tr class=\"failed\">")
                .contains("No case of this run was answered: there is no latency to show.")
                .doesNotContain("Latency distribution: 0 cases")
                // Why they measured nothing, once above the gates, as report.md says it (it stood under each of nine).
                .containsOnlyOnce("Not measured: the model answered no case of this run");
        assertThat(java.nio.file.Files.readString(report.resolve("report.md")))
                .contains("**outage:** no case got an answer from the model").doesNotContain("**refused:**")
                .contains("| ➖ no answer | schema | — |")
                .contains("Not measured: the model answered no case of this run").doesNotContain("❌ |");

        server.setDispatcher(new FakeChatCompletions());
        OpenAiWorkspace.Run resumed = ws.run("resume", outage.header().id(), "--workspace", ws.dir.toString(),
                "--db", ws.db.toString(), "--json", "--quiet");
        assertThat(resumed.result().exit()).as(resumed.result().err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        assertThat(resumed.header().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(resumed.cases()).allSatisfy(c -> assertThat(c.failureKind()).isNull());
        // Finished by the resume, the run no longer says it is incomplete: the outage reads as past, everywhere.
        Cli.Result after = Cli.run(ws.env, "gate", outage.header().id(), "--workspace", ws.dir.toString(), "--db",
                ws.db.toString(), "--markdown", summary.toString());
        assertThat(after.out()).contains("event: outage no case got an answer from the model (3 provider failures, 29 cases"
                + " not sent: route openai not called: the server refused its first 3 calls with HTTP 401 (\"bad key\") (check"
                + " its key, model and base_url)); resumed since, the run is complete\n")
                .doesNotContain("the run is incomplete").doesNotContain("INCOMPLETE");
        assertThat(java.nio.file.Files.readString(summary)).doesNotContain("the run is incomplete").doesNotContain("no answer |");
        Path finished = tmp.resolve("finished-report");
        assertThat(Cli.run(ws.env, "report", outage.header().id(), "--workspace", ws.dir.toString(), "--db",
                ws.db.toString(), "--out", finished.toString()).exit()).isZero();
        for (String file : new String[] {"report.html", "report.md"}) {
            assertThat(java.nio.file.Files.readString(finished.resolve(file))).as(file)
                    .contains("resumed since, the run is complete").doesNotContain("the run is incomplete");
        }
    }

    @Test
    void anUnsetKeyIsExit2AndNothingIsWritten() throws Exception {
        Path ws = Cli.copySample(tmp);
        Map<String, String> env = new HashMap<>(Map.of("OPENAI_BASE_URL", server.url("/v1").toString()));
        Cli.Result r = Cli.run(env, "run", "--workspace", ws.toString(), "--route", "openai");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().strip()).doesNotContain("\n").contains("OPENAI_API_KEY").contains("not set");
        assertThat(ws.resolve(".evalbench")).as("nothing written").doesNotExist();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void usageErrorsAreExit2InOneLine() {
        Path ws = Cli.copySample(tmp);
        {
            Cli.Result limit = Cli.run("history", "--workspace", ws.toString(), "--limit", "-1");
            assertThat(limit.exit()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(limit.err()).contains("--limit").contains("at least 1").doesNotContain("bug");
            Cli.Result maxCases = Cli.run("compare", "latest", "latest", "--workspace", ws.toString(),
                    "--max-cases", "-1");
            assertThat(maxCases.exit()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(maxCases.err().strip()).doesNotContain("\n").contains("--max-cases").contains("0 or more")
                    .doesNotContain("bug");
        }
        Path missing = tmp.resolve("no-such-workspace");
        for (String command : new String[] {"validate", "run", "gate", "history", "tag", "export", "compare", "report", "resume"}) {
            String[] args = switch (command) {
                case "tag" -> new String[] {"tag", "latest", "main", "--workspace", missing.toString()};
                case "export" -> new String[] {"export", "latest", "--out", tmp.resolve("x.json").toString(), "--workspace", missing.toString()};
                case "compare" -> new String[] {"compare", "a", "b", "--workspace", missing.toString()};
                case "report" -> new String[] {"report", "latest", "--out", tmp.resolve("r").toString(), "--workspace", missing.toString()};
                case "resume" -> new String[] {"resume", "latest", "--workspace", missing.toString()};
                default -> new String[] {command, "--workspace", missing.toString()};
            };
            Cli.Result r = Cli.run(args);
            assertThat(r.exit()).as(command).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).as(command).isEqualTo("error: no workspace at " + missing + ": no such folder\n");
        }
        Cli.Result suite = Cli.run("run", "--workspace", ws.toString(), "--suite", "safty");
        assertThat(suite.err()).contains("unknown suite \"safty\" (did you mean safety? suites: triage, safety)");
    }

    @Test
    void reportExits0WithFailedGatesAndASuiteSubsetShowsOtherGatesAsNotRun() throws Exception {
        Path ws = Cli.copySample(tmp);
        String w = ws.toString();
        Cli.Result safety = Cli.run("run", "--workspace", w, "--suite", "safety", "--quiet");
        assertThat(safety.out()).containsPattern("category-accuracy .* not run").containsPattern("action-vs-baseline .* not run")
                .doesNotContain("no cases in this run")
                .as("the verdict counts the gates that ran").contains("FAILED: 1 of 5 gates that ran failed, 4 not run");

        Cli.Result full = Cli.run("run", "--workspace", w, "--quiet");
        assertThat(full.exit()).as("the sample fails its schema gate on purpose").isEqualTo(ExitCodes.GATE_FAILED);
        Cli.Result report = Cli.run("report", "latest", "--workspace", w, "--out", tmp.resolve("report").toString());
        assertThat(report.exit()).as(report.err()).isEqualTo(ExitCodes.OK);
        assertThat(report.out()).contains("verdict: ").contains("gates failed");
        assertThat(Files.exists(tmp.resolve("report/report.json"))).isTrue();

        // Given only --db, commands that read the history need no workspace folder.
        Path db = ws.resolve(".evalbench/history.db");
        assertThat(Cli.run("tag", "latest", "main", "--db", db.toString()).exit()).isEqualTo(ExitCodes.OK);
        Cli.Result export = Cli.run("export", "main", "--db", db.toString(), "--out", tmp.resolve("run.json").toString());
        assertThat(export.exit()).as(export.err()).isEqualTo(ExitCodes.OK);
        assertThat(Cli.run("compare", "main", "latest", "--db", db.toString()).exit()).isEqualTo(ExitCodes.OK);

        // An output path through a file is the path given that is wrong: exit 2, the file in the way named (the JDK said
        // "not a directory" or "already exists" of a path further down, exit 3), and nothing written.
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "mine");
        Cli.Result under = Cli.run("report", "latest", "--db", db.toString(), "--out", notes.resolve("report").toString());
        assertThat(under.exit()).as(under.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(under.err().strip()).isEqualTo("error: " + notes.toAbsolutePath() + " is a file, not a folder: "
                + notes.resolve("report").toAbsolutePath() + " cannot be written under it");
        Cli.Result exportUnder = Cli.run("export", "main", "--db", db.toString(), "--out", notes.resolve("run.json").toString());
        assertThat(exportUnder.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(exportUnder.err()).contains(notes.toAbsolutePath() + " is a file, not a folder: "
                + notes.resolve("run.json").toAbsolutePath() + " cannot be written under it");
        Cli.Result junitUnder = Cli.run("gate", "--db", db.toString(), "--junit", notes.resolve("gates.xml").toString());
        assertThat(junitUnder.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notes).content().isEqualTo("mine");
    }
}
