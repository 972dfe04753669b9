package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that reads a signed report folder (as the run to gate, a baseline, a side of a comparison) says first,
 * on stderr, when its report.json is not the one signed, and still does its work: it read the edited file as if it
 * were the report. An unedited report gets no warning.
 */
class NotAsSignedWarningTest {
    @TempDir Path tmp;

    @Test
    void gateRunReportAndCompareWarnOfAReportEditedAfterSigning() throws Exception {
        Path ws = Cli.copySample(tmp.resolve("ci"));
        assertThat(Cli.run("run", "--cache", "off", "--quiet", "--workspace", ws.toString()).exit()).isEqualTo(1);
        Path keys = tmp.resolve("keys");
        assertThat(Cli.run("keygen", "--out", keys.toString(), "--name", "ci").exit()).isZero();
        Path folder = tmp.resolve("main-report");
        assertThat(Cli.run("report", "latest", "--out", folder.toString(), "--sign", keys.resolve("ci.key").toString(),
                "--workspace", ws.toString()).exit()).isZero();
        Cli.Result asSigned = Cli.run("gate", "--baseline", folder.toString(), "--workspace", ws.toString());
        Path json = folder.resolve("report.json");
        String text = Files.readString(json, StandardCharsets.UTF_8);
        assertThat(text).contains("\"passed\":false");
        Files.writeString(json, text.replace("\"passed\":false", "\"passed\":true"), StandardCharsets.UTF_8);
        String warning = "warning: " + json + " is not the report that was signed (report.json: sha256 differs from the"
                + " signed subject";

        Cli.Result gate = Cli.run("gate", "--baseline", folder.toString(), "--workspace", ws.toString());
        Cli.Result gateIt = Cli.run("gate", "--run", folder.toString(), "--workspace", ws.toString());
        Cli.Result run = Cli.run("run", "--case", "t001", "--cache", "off", "--quiet", "--baseline", folder.toString(),
                "--workspace", ws.toString());
        Cli.Result report = Cli.run("report", "latest", "--baseline", folder.toString(), "--out",
                tmp.resolve("pr-report").toString(), "--workspace", ws.toString());
        Cli.Result compare = Cli.run("compare", folder.toString(), "latest", "--workspace", ws.toString());

        assertThat(asSigned.err()).doesNotContain("warning:");
        for (Cli.Result r : java.util.List.of(gate, gateIt, run, report, compare)) {
            assertThat(r.err()).startsWith(warning);
            assertThat(r.out()).isNotEmpty();
        }
    }
}
