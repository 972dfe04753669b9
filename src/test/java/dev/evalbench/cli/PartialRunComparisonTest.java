package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} of a partial run ({@code run --suite triage}) and a whole one compares them on the cases both
 * ran, as the gates and reports hold a partial run against its baseline, and says what it left out. Compared
 * whole, the sample's two runs with the very same answers read "cases passed 83.0% -> 80.3%, -2.7 pp" beside an
 * interval of [+0.0, +0.0], with 32 cases "only in" the whole run and the safety eval set "changed".
 */
class PartialRunComparisonTest {
    @TempDir Path tmp;

    @Test
    void aWholeRunAndATriageRunAreComparedOnTheTriageCasesAndTheOutputSaysSo() throws Exception {
        Path ws = Cli.copySample(tmp);
        String w = ws.toString();
        String whole = runId(Cli.run("run", w, "--json"));
        String triage = runId(Cli.run("run", w, "--suite", "triage", "--json"));
        Path md = tmp.resolve("compare.md");

        Cli.Result text = Cli.run("compare", whole, triage, "-w", w, "--markdown", md.toString());

        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("(127 cases in both runs)")
                .contains("what changed: nothing that affects outputs changed")
                .contains("0 only in " + whole + ", 0 only in " + triage)
                .contains("scope: compared within what both runs ran; left out: 32 cases of " + whole
                        + " outside what " + triage + " ran (suite triage)")
                .containsPattern("cases passed +80\\.3% -> 80\\.3% +\\+0\\.0 pp")
                .doesNotContain("passed, suite safety")
                // The gates too are of the compared cases: the whole run's 190,783 tokens of 159 cases were shown
                // beside the triage run's 152,354, and its safety gate beside one that did not run.
                .containsPattern("safety +not run +-> not run")
                .containsPattern("tokens +pass 152,354 +-> pass 152,354");
        assertThat(Files.readString(md)).contains("Compared within what both runs ran; left out: 32 cases of");

        // The other way round the triage run is the first; the whole run's safety cases are still left out.
        JsonNode json = Json.MAPPER.readTree(Cli.run("compare", triage, whole, "-w", w, "--json").out());
        assertThat(json.get("scope").get("narrowed").asBoolean()).isTrue();
        assertThat(json.get("scope").get("after_left_out").asInt()).isEqualTo(32);
        assertThat(json.get("scope").get("before_left_out").asInt()).isZero();
        assertThat(json.get("scope").get("before_chose").asText()).isEqualTo("suite triage");
        assertThat(json.get("after").get("cases").asInt()).isEqualTo(127);
        assertThat(json.get("counts").get("only_after").asInt()).isZero();
    }

    @Test
    void twoWholeRunsLeaveNothingOut() throws Exception {
        Path ws = Cli.copySample(tmp);
        String w = ws.toString();
        String first = runId(Cli.run("run", w, "--json"));
        String second = runId(Cli.run("run", w, "--json"));

        Cli.Result text = Cli.run("compare", first, second, "-w", w);
        JsonNode json = Json.MAPPER.readTree(Cli.run("compare", first, second, "-w", w, "--json").out());

        assertThat(text.out()).contains("(159 cases in both runs)").doesNotContain("scope:");
        assertThat(json.get("scope").get("narrowed").asBoolean()).isFalse();
        assertThat(json.get("scope").get("before_chose").isNull()).isTrue();
    }

    /**
     * A run compared with itself ("compare main latest" just after tagging the latest main) differs in nothing, and
     * said only "0 regressed": a note says both sides are the same run, and the output is still written (exit 0).
     */
    @Test
    void aRunComparedWithItselfIsSaidToBeTheSameRun() throws Exception {
        Path ws = Cli.copySample(tmp);
        String w = ws.toString();
        String only = runId(Cli.run("run", w, "--json"));
        assertThat(Cli.run("tag", "latest", "main", "-w", w).exit()).isZero();

        Cli.Result text = Cli.run("compare", "main", "latest", "-w", w);

        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("(159 cases in both runs)");
        assertThat(text.err()).isEqualTo("note: both sides are run " + only + ": nothing can differ (name two runs:"
                + " compare main latest after a new run)\n");
        Cli.Result two = Cli.run("compare", only, runId(Cli.run("run", w, "--json")), "-w", w);
        assertThat(two.err()).doesNotContain("both sides").doesNotContain("production's requests");

        // An eval run against a traffic run pairs no case: it read "0 cases in both runs", every part changed.
        assertThat(Cli.run("traffic", "import", ws.resolve("traffic/control-small.jsonl").toString(), "-w", w).exit()).isZero();
        Cli.Result traffic = Cli.run("compare", "main", "latest", "-w", w);
        assertThat(traffic.exit()).as(traffic.err()).isZero();
        assertThat(traffic.out()).contains("(0 cases in both runs)");
        assertThat(traffic.err()).contains("is a traffic run (production's requests, not the eval cases): no case pairs"
                + " with the other run's");
        assertThat(traffic.err()).doesNotContain("of workspace");

        // A run of another workspace (the starter, exported) against the sample's: "0 cases in both runs" is said why.
        Path other = tmp.resolve("starter");
        assertThat(Cli.run("init", other.toString()).exit()).isZero();
        assertThat(Cli.run("run", other.toString(), "--quiet").exit()).isZero();
        Path export = tmp.resolve("starter.json");
        assertThat(Cli.run("export", "latest", "--out", export.toString(), "-w", other.toString()).exit()).isZero();
        Cli.Result across = Cli.run("compare", export.toString(), only, "-w", w);
        assertThat(across.out()).contains("(0 cases in both runs)");
        assertThat(across.err()).isEqualTo("note: run " + Json.MAPPER.readTree(export.toFile()).at("/run/header/id").asText()
                + " is of workspace starter and run " + only + " of workspace support-triage: their cases pair only where"
                + " suite and case id match\n");
    }

    private static String runId(Cli.Result run) throws Exception {
        assertThat(run.exit()).as(run.err()).isBetween(0, 1);
        return Json.MAPPER.readTree(run.out()).get("run_id").asText();
    }
}
