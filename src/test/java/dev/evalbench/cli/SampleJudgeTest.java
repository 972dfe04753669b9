package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's offline judge as a user sees it: its scripted grader scores every triage reply, the run's
 * figures stay those the README quotes, and the judge's agreement with the 24 human labels it scored is
 * reported in the table, the JSON and the report, equal to the kappas worked out by hand in docs/scoring.md.
 */
class SampleJudgeTest {
    /*
     * The 24 labelled tickets the grader scored (t008 got a judge error, t072 has no valid output), judge vs human:
     *   pass/fail (pass: score >= 4): both pass 12, judge pass / human fail 2 (t014, t100),
     *   judge fail / human pass 2 (t038, t062), both fail 8.
     *   p_o = 20/24, p_e = (14*14 + 10*10) / 24^2 = 296/576, kappa = (480 - 296) / (576 - 296) = 23/35.
     *   scores: squared differences sum to 13 (nine cases 1 apart, t100 4 vs 2), so observed 13/24; by chance the
     *   mean over all 576 judge x human pairs is 1132/576; weighted kappa = 1 - (13/24) / (1132/576) = 205/283.
     */
    static final double KAPPA = 23.0 / 35;
    static final double WEIGHTED_KAPPA = 205.0 / 283;

    @TempDir Path tmp;

    @Test
    void theOfflineRunReportsTheJudgeAndItsAgreementWithPeople() throws Exception {
        Path ws = Cli.copySample(tmp);
        String db = tmp.resolve("history.db").toString();

        Cli.Result json = Cli.run("run", "--workspace", ws.toString(), "--db", db, "--json");
        JsonNode root = Json.MAPPER.readTree(json.out());
        assertThat(root.at("/counts/cases").asInt()).isEqualTo(159);
        assertThat(root.at("/counts/cases_passed").asInt()).as("judges do not change case verdicts").isEqualTo(132);
        assertThat(root.at("/counts/gates_failed").asInt()).isEqualTo(2);
        JsonNode judge = root.at("/judges/0");
        assertThat(judge.get("suite").asText()).isEqualTo("triage");
        assertThat(judge.get("judge").asText()).isEqualTo("reply-quality");
        assertThat(judge.get("passed").asInt()).isEqualTo(109);
        assertThat(judge.get("failed").asInt()).isEqualTo(14);
        assertThat(judge.get("errors").asInt()).isEqualTo(2);
        assertThat(judge.get("no_output").asInt()).isEqualTo(2);
        assertThat(judge.get("labelled").asInt()).isEqualTo(24);
        assertThat(judge.get("agreement").asText()).isEqualTo("ok");
        assertThat(judge.get("kappa").asDouble()).isCloseTo(KAPPA, within(1e-12));
        assertThat(judge.get("weighted_kappa").asDouble()).isCloseTo(WEIGHTED_KAPPA, within(1e-12));

        Cli.Result text = Cli.run("run", "--workspace", ws.toString(), "--db", db);
        assertThat(text.out()).contains("judge triage/reply-quality: 109 pass, 14 fail, 2 judge errors, 2 not judged "
                + "(no valid output); mean score 4.57; agreement with people: kappa 0.66 on pass/fail, weighted kappa 0.72 "
                + "on scores (n=24)");
        assertThat(text.out()).contains("FAILED: 2 of 9 gates failed");

        Path out = tmp.resolve("report");
        Cli.Result report = Cli.run("report", "latest", "--out", out.toString(), "--workspace", ws.toString(), "--db", db);
        assertThat(report.exit()).as(report.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        assertThat(Files.readString(out.resolve("report.md"))).contains("### Judges")
                .contains("| triage/reply-quality | 109 | 14 | 2 | 2 | 4.57 | kappa 0.66 on pass/fail, weighted kappa 0.72 on scores (n=24) |");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<h2>Judges</h2>")
                .contains("kappa 0.66 on pass/fail, weighted kappa 0.72 on scores (n=24)");
        JsonNode reportJson = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        assertThat(reportJson.at("/judges/0/kappa").asDouble()).isCloseTo(KAPPA, within(1e-12));
        assertThat(reportJson.at("/judges/0/labelled").asInt()).isEqualTo(24);
    }
}
