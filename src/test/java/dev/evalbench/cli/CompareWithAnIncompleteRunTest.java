package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.compare.ChangeOverview;
import dev.evalbench.core.service.ReviewService;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} of a finished run with one a route's outage left incomplete, as a reviewer reads it. The run's own
 * gate table read "schema@openai … no answer"; compared, the same gates read "FAIL —" beside "not run", nothing said
 * the second run was incomplete, and a run that stored no case read as though every part of it had changed to
 * "(none)". Now the comparison says which run is incomplete and why, in the words the run's output closed with, its
 * unanswered gates read "no answer" in the terminal and in Markdown, and what changed is "not known" where a run
 * stored no case to tell.
 */
class CompareWithAnIncompleteRunTest {
    @TempDir
    Path tmp;

    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();

    @Test
    void aRouteThatStoredNoCaseReadsNoAnswerAndTheRunIsSaidIncomplete() throws Exception {
        OpenAiWorkspace ws = deadRoute();
        OpenAiWorkspace.Run finished = ws.runWith("--route", "offline", "--suite", "safety");
        OpenAiWorkspace.Run down = ws.runWith("--route", "offline,openai", "--suite", "safety", "--concurrency", "1");
        assertThat(down.exit()).as(down.result().err()).isEqualTo(ExitCodes.INCOMPLETE);
        Path md = tmp.resolve("compare.md");

        Cli.Result compared = Cli.run(ws.env, "compare", finished.header().id(), down.header().id(), "--workspace",
                ws.dir.toString(), "--db", ws.db.toString(), "--markdown", md.toString());

        assertThat(compared.exit()).as(compared.err()).isZero();
        // The second run was asked of openai too, which stored no case to tell it.
        assertThat(compared.out()).contains("\nwhat changed: route/model changed\n")
                .contains("\n  route/model routes run: offline → offline, openai\n");
        assertThat(compared.out()).contains("\nincomplete: run " + down.header().id() + ": unsent: 32 cases not sent: the"
                        + " breaker of route openai was open; the run is incomplete and resume sends them\n")
                .containsPattern("\n  schema@openai +- +-> no answer *\n")
                .containsPattern("\n  safety@openai +- +-> no answer *\n")
                // The first run's gates, of its one route, paired with that route's in the second: a change reads.
                .containsPattern("\n  safety@offline +pass 100\\.0% +-> pass 100\\.0% *\n")
                .doesNotContainPattern("\n  safety +")
                .doesNotContain("FAIL —").doesNotContain("not run");
        assertThat(Files.readString(md)).contains("> **Incomplete:** run " + down.header().id() + ": unsent: 32 cases")
                .containsPattern("\\| schema@\u200Bopenai \\| — \\| no answer \\| — \\|");
        // The window's comparison reads the same overview: its gate table's cells.
        ChangeOverview overview = overview(ws, finished, down);
        assertThat(overview.gates()).filteredOn(g -> g.id().endsWith("@openai")).isNotEmpty()
                .allSatisfy(g -> assertThat(g.afterCells().word()).as(g.id()).isEqualTo("no answer"));
        assertThat(overview.gates()).filteredOn(g -> g.id().equals("safety@offline")).singleElement()
                .satisfies(g -> assertThat(g.afterCells().word()).isEqualTo("pass"));
    }

    @Test
    void aRunThatStoredNoCaseTellsNothingOfWhatChanged() throws Exception {
        OpenAiWorkspace ws = deadRoute();
        OpenAiWorkspace.Run finished = ws.runWith("--route", "offline", "--suite", "safety");
        OpenAiWorkspace.Run outage = ws.runWith("--route", "openai", "--suite", "safety", "--concurrency", "1");
        assertThat(outage.exit()).as(outage.result().err()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(outage.cases()).as("the breaker kept every case from the model").isEmpty();

        Cli.Result compared = Cli.run(ws.env, "compare", finished.header().id(), outage.header().id(), "--workspace",
                ws.dir.toString(), "--db", ws.db.toString());

        assertThat(compared.out()).contains("\nwhat changed: not known: run " + outage.header().id()
                        + " stored no case to tell\n")
                .contains("\nincomplete: run " + outage.header().id() + ": outage: no case got an answer from the model")
                .containsPattern("\n  safety +pass 100\\.0% +-> no answer *\n")
                .doesNotContain("(none)");
        assertThat(overview(ws, finished, outage).versions().summary())
                .isEqualTo("not known: run " + outage.header().id() + " stored no case to tell");
    }

    /** The comparison's overview as the window's review of the two runs builds it. */
    private static ChangeOverview overview(OpenAiWorkspace ws, OpenAiWorkspace.Run before, OpenAiWorkspace.Run after)
            throws Exception {
        try (RunStore store = SqliteRunStore.open(ws.db)) {
            ReviewService review = new ReviewService(ws.env);
            ReviewService.Side a = new ReviewService.Side(store, before.header().id());
            ReviewService.Side b = new ReviewService.Side(store, after.header().id());
            return review.overview(a, b, review.cases(a, b), ws.dir);
        }
    }

    /** The sample's openai route at an address nothing listens on, retried past its breaker's five calls. */
    private OpenAiWorkspace deadRoute() throws java.io.IOException {
        // More attempts than the breaker's 5 calls: the first case's fifth failed attempt opens it, before any is stored.
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-test").fastRetries(6, 1);
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ws.env.put("OPENAI_BASE_URL", "http://127.0.0.1:" + closed + "/v1");
        return ws;
    }
}
