package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample checked out with Windows line ends (git's core.autocrlf writes {@code \r\n}) is the same workspace as
 * the one committed: a run of it warns of no changed prompt or eval set, a comparison with a run of the committed
 * files says nothing changed, and a report signed from either checkout verifies against the other. Real runs of the
 * sample's safety suite into one SQLite history, real keys and signatures.
 */
class WindowsCheckoutRunTest {
    @TempDir Path tmp;

    @Test
    void aCheckoutWithWindowsLineEndsRunsComparesAndVerifiesAsTheCommittedOne() throws Exception {
        Path unix = Cli.copySample(Files.createDirectories(tmp.resolve("unix")));
        Path windows = Cli.copySample(Files.createDirectories(tmp.resolve("windows")));
        List<Path> files = withWindowsLineEnds(windows);
        assertThat(files).as("every file the workspace reads").hasSizeGreaterThan(8);
        Path db = unix.resolve(".evalbench/history.db");

        run(unix, db);
        Cli.Result second = run(windows, db);

        assertThat(second.err()).doesNotContain("warning:");
        Cli.Result compare = Cli.run("compare", "latest~1", "latest", "--db", db.toString(), "-w", unix.toString());
        assertThat(compare.out()).as(compare.err()).contains("what changed: nothing that affects outputs changed")
                .doesNotContain("prompt triage:").doesNotContain("eval set safety:");

        Path keys = tmp.resolve("keys");
        assertThat(Cli.run("keygen", "--out", keys.toString(), "--name", "author").exit()).isZero();
        Path report = tmp.resolve("report");
        Cli.Result written = Cli.run("report", "latest", "--db", db.toString(), "-w", windows.toString(),
                "--out", report.toString(), "--sign", keys.resolve("author.key").toString());
        assertThat(written.exit()).as(written.err()).isZero();
        for (Path checkout : List.of(windows, unix)) {
            Cli.Result verified = Cli.run("verify", report.resolve("report.intoto.json").toString(),
                    "--key", keys.resolve("author.pub").toString(), "-w", checkout.toString());
            assertThat(verified.exit()).as(checkout + ": " + verified.out() + verified.err()).isEqualTo(ExitCodes.OK);
            assertThat(verified.out()).startsWith("VALID").contains("prompts/triage.yaml, report.json");
            // One who checks by hand with sha256sum is told why the Windows checkout's files differ from the digests.
            if (checkout.equals(windows)) assertThat(verified.out()).contains("Windows line ends");
            else assertThat(verified.out()).doesNotContain("line ends");
        }
    }

    private static Cli.Result run(Path ws, Path db) {
        Cli.Result r = Cli.run("run", ws.toString(), "--db", db.toString(), "--suite", "safety", "--quiet");
        assertThat(r.exit()).as(r.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        return r;
    }

    /** Every text file of the workspace rewritten with {@code \r\n}, as git's core.autocrlf checks it out. */
    private static List<Path> withWindowsLineEnds(Path ws) throws Exception {
        try (Stream<Path> walk = Files.walk(ws)) {
            List<Path> files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .toList();
            for (Path file : files) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Files.writeString(file, text.replace("\r\n", "\n").replace("\n", "\r\n"), StandardCharsets.UTF_8);
            }
            return files;
        }
    }
}
