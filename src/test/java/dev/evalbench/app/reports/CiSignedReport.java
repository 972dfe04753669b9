package dev.evalbench.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.cli.Cli;
import java.nio.file.Path;

/**
 * A report of the sample signed as CI signs it, by the real command line: a run of {@code workspace}, a key pair
 * "ci" made in the reviewer's key folder (under {@code xdg}, as after "Trust a public key…"), and {@code report
 * latest --sign} into {@code out}. Made before the window starts, which is then started with
 * {@code XDG_CONFIG_HOME=xdg}.
 */
record CiSignedReport(Path xdg, Path out) {
    static CiSignedReport of(Path workspace, Path temp) {
        String ws = workspace.toString();
        Path xdg = temp.resolve("xdg");
        Path keys = xdg.resolve("evalbench/keys");
        Path out = temp.resolve("report");
        assertThat(Cli.run("run", "--workspace", ws, "--quiet").exit()).isIn(0, 1);
        assertThat(Cli.run("keygen", "--out", keys.toString(), "--name", "ci").exit()).isZero();
        Cli.Result report = Cli.run("report", "latest", "--workspace", ws, "--out", out.toString(),
                "--sign", keys.resolve("ci.key").toString());
        assertThat(report.exit()).as(report.err()).isZero();
        return new CiSignedReport(xdg, out);
    }

    Path envelope() {
        return out.resolve("report.intoto.json");
    }

    /** The environment to start the window with: the reviewer's config folder, whose keys/ trusts "ci". */
    java.util.Map<String, String> env() {
        return java.util.Map.of("XDG_CONFIG_HOME", xdg.toString());
    }
}
