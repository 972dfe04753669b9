package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar evalbench.jar CMD} as users type it, which runs the command in a second JVM
 * ({@code dev.evalbench.CommandJvm}): the user sees exactly what the command prints, on the stream it prints
 * it to, and its exit code; nothing is cached for a command that is not a run.
 */
class RelaunchedCommandTest {
    @TempDir
    Path tmp;

    @Test
    void badInputReadsAsItDoesInOneJvmWithItsExitCode() throws Exception {
        Path ws = Cli.copySample(tmp);
        Cli.edit(ws.resolve("evalbench.yaml"), "default_route: offline", "default_route: offline\nbogus_key: 1");

        Process p = start(tmp, "validate", "--workspace", ws.toString());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8);
        Cli.Result inProcess = Cli.run("validate", "--workspace", ws.toString());

        assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.BAD_INPUT).isEqualTo(inProcess.exit());
        assertThat(err).contains("evalbench.yaml").contains("bogus_key").isEqualTo(inProcess.err());
        assertThat(out).isEqualTo(inProcess.out());
        assertThat(tmp.resolve("cache")).as("only a run records the class archive").doesNotExist();
    }

    private static Process start(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(TestJar.java(), "-jar", TestJar.path().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS").forEach(builder.environment()::remove);
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        return builder.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
    }
}
