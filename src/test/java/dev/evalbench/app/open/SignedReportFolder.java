package dev.evalbench.app.open;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.cli.Cli;
import dev.evalbench.cli.EditedPromptRuns;
import java.nio.file.Path;

/**
 * What CI hands a reviewer: the report folder of a run of the sample with its prompt edited, against the run tagged
 * main as its baseline, signed with a key made for it ({@code report latest --baseline main --sign}), in {@code temp}.
 */
final class SignedReportFolder {
    private SignedReportFolder() {}

    /** @return the report folder, {@code temp/ci-report} */
    static Path make(Path temp) throws Exception {
        Path ws = EditedPromptRuns.make(temp.resolve("ci"));
        Path keys = temp.resolve("keys");
        assertThat(Cli.run("keygen", "--out", keys.toString(), "--name", "ci").exit()).isZero();
        Path folder = temp.resolve("ci-report");
        Cli.Result report = Cli.run("report", "latest", "--baseline", "main", "--out", folder.toString(), "--workspace",
                ws.toString(), "--sign", keys.resolve("ci.key").toString());
        assertThat(report.exit()).as(report.err()).isZero();
        return folder;
    }
}
