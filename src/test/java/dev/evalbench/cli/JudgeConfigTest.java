package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A judge configured wrongly is bad input at load: `run` exits 2 naming the file, line and column and what was
 * expected, and writes nothing (no history, no cache). Each test breaks one thing in a copy of the sample.
 */
class JudgeConfigTest {
    static final String JUDGE_LINE_START = "      - {name: reply-quality";

    @TempDir Path tmp;

    /** The sample with its judge line changed by {@code edit}; returns the workspace. */
    private Path withJudge(java.util.function.UnaryOperator<String> edit) throws IOException {
        Path ws = Cli.copySample(tmp);
        Path manifest = ws.resolve("evalbench.yaml");
        String text = Files.readString(manifest);
        String line = judgeLine(text);
        Files.writeString(manifest, text.replace(line, edit.apply(line)));
        return ws;
    }

    private static String judgeLine(String text) {
        return text.lines().filter(l -> l.startsWith(JUDGE_LINE_START)).findFirst().orElseThrow();
    }

    /** 1-based line and column of {@code needle} on the judge's line of evalbench.yaml. */
    private static String placeOf(Path ws, String needle) throws IOException {
        List<String> lines = Files.readAllLines(ws.resolve("evalbench.yaml"));
        String line = judgeLine(String.join("\n", lines));
        return "evalbench.yaml:" + (lines.indexOf(line) + 1) + ":" + (line.indexOf(needle) + 1);
    }

    private static Cli.Result runRefused(Path ws) {
        Cli.Result r = Cli.run("run", "--workspace", ws.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ws.resolve(".evalbench")).as("nothing written").doesNotExist();
        return r;
    }

    @Test
    void anUnknownRouteIsNamedWhereItIsWritten() throws Exception {
        Path ws = withJudge(l -> l.replace("route: grader", "route: gradr"));
        assertThat(runRefused(ws).err()).contains(placeOf(ws, "gradr")
                + ": judge \"reply-quality\" of suite \"triage\": unknown route \"gradr\" (did you mean grader? routes: offline,"
                + " offline-live, grader, openai)");
    }

    @Test
    void aMissingRubricFileIsNamedWhereItIsWritten() throws Exception {
        Path ws = withJudge(l -> l.replace("prompts/reply-rubric.yaml", "prompts/reply-rubrik.yaml"));
        assertThat(runRefused(ws).err()).contains(placeOf(ws, "prompts/reply-rubrik.yaml")
                + ": judge \"reply-quality\" of suite \"triage\": rubric \"prompts/reply-rubrik.yaml\" does not exist");
    }

    @Test
    void aPassExpressionThatDoesNotTypeCheckIsPlacedAtItsColumn() throws Exception {
        Path ws = withJudge(l -> l.replace("'score >= 4'", "'score >= \"4\"'"));
        String err = runRefused(ws).err();
        assertThat(err).contains(placeOf(ws, ">= \"4\"") + ": judge \"reply-quality\" of suite \"triage\" pass: ");
        assertThat(err).contains("found no matching overload for '_>=_'");

        Path ws2 = Cli.copySample(tmp.resolve("second"));
        Path manifest = ws2.resolve("evalbench.yaml");
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.replace("'score >= 4'", "'scor >= 4'"));
        assertThat(runRefused(ws2).err()).contains(placeOf(ws2, "scor >= 4")
                + ": judge \"reply-quality\" of suite \"triage\" pass: undeclared reference to 'scor'");
    }

    @Test
    void aRubricWhoseSchemaHasNoBoundedIntegerScoreIsRefused() throws Exception {
        Path ws = Cli.copySample(tmp);
        Cli.edit(ws.resolve("schemas/reply-grade.schema.json"), "\"score\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 5}",
                "\"score\": {\"type\": \"number\"}");
        assertThat(runRefused(ws).err()).contains(placeOf(ws, "prompts/reply-rubric.yaml")
                + ": judge \"reply-quality\" of suite \"triage\": the output schema of rubric \"prompts/reply-rubric.yaml\" "
                + "(schemas/reply-grade.schema.json) must declare \"score\" as an integer with a \"minimum\" below its "
                + "\"maximum\" and \"reason\" as a string, both required");
    }

    @Test
    void aLabelOffTheScaleOrForNoJudgeIsRefusedAtItsLine() throws Exception {
        Path ws = Cli.copySample(tmp);
        Cli.edit(ws.resolve("datasets/tickets.jsonl"), "\"labels\": {\"reply-quality\": 5}}", "\"labels\": {\"reply-quality\": 6}}");
        String err = runRefused(ws).err();
        assertThat(err).containsPattern("datasets/tickets\\.jsonl:1:\\d+: label \"reply-quality\" is 6, outside the judge's scale 1\\.\\.5");

        Path ws2 = Cli.copySample(tmp.resolve("second"));
        Cli.edit(ws2.resolve("datasets/tickets.jsonl"), "\"labels\": {\"reply-quality\": 4}}", "\"labels\": {\"reply-qualty\": 4}}");
        assertThat(runRefused(ws2).err()).containsPattern("datasets/tickets\\.jsonl:2:\\d+: label \"reply-qualty\": suite \"triage\" "
                + "has no judge of that name \\(judges: reply-quality\\)");
    }

    @Test
    void aMeanScoreGateTakesAMinOnTheScaleAndARateGateStillDoesNot() throws Exception {
        Path ws = Cli.copySample(tmp);
        Files.writeString(ws.resolve("gates.yaml"), """
                gates:
                  - {id: reply-score, kind: metric, suite: triage, metric: judge.reply-quality.mean_score, min: 4.5}
                  - {id: replies, kind: metric, suite: triage, metric: judge.reply-quality.pass_rate, min: 85}
                """);
        String err = runRefused(ws).err();
        assertThat(err).contains("gates.yaml:3:92: \"min\" must be at most 1, found number 85"
                + " (a rate is written from 0 to 1: 0.85 for 85%)");
        assertThat(err).doesNotContain("gates.yaml:2:");
    }
}
