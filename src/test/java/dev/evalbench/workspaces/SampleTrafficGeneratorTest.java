package dev.evalbench.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed traffic of the sample is what its generator makes: the script runs with the JDK alone
 * ({@code java GenerateTraffic.java}) and gives the same bytes, so tests and docs may rely on the files.
 */
class SampleTrafficGeneratorTest {
    private static final Path WS = Path.of("workspaces/support-triage");
    private static final List<String> FILES = List.of("control.jsonl", "canary-shifted.jsonl", "canary-steady.jsonl",
            "control-small.jsonl", "canary-small.jsonl");

    @TempDir
    Path out;

    @Test
    void theGeneratorRemakesTheCommittedFilesByteForByte() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, WS.resolve("traffic/GenerateTraffic.java").toString(), WS.toString(), out.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();

        for (String file : FILES) {
            assertThat(Files.readAllBytes(out.resolve(file))).as(file).isEqualTo(Files.readAllBytes(WS.resolve("traffic/" + file)));
        }
        assertThat(Files.readAllLines(out.resolve("control.jsonl"))).hasSize(500)
                .first().asString().startsWith("{\"id\":\"ctl-000001\",\"timestamp\":\"2026-11-16T");
        assertThat(Files.readAllLines(out.resolve("canary-small.jsonl"))).hasSize(20);
    }
}
