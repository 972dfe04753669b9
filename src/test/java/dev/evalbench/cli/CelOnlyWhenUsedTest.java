package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of a workspace that has no policy rules, no CEL checks and no judges never builds CEL's runtime, which
 * costs a command's start tens of milliseconds; one with a rule (the sample's) does. Seen as a user's process
 * sees it: a real {@code run} in a child JVM, its class loading logged.
 */
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT) // own folders and children
class CelOnlyWhenUsedTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/minimal-workspace");

    @TempDir Path tmp;

    @Test
    void aWorkspaceWithoutCelLoadsNoneOfItsClasses() throws Exception {
        Path ws = tmp.resolve("minimal");
        Cli.copyTree(FIXTURE, ws);

        assertThat(classesLoadedByARunOf(ws)).contains("dev.evalbench.core.decide.PolicyDecider")
                .doesNotContain(" dev.cel.");
    }

    @Test
    void aWorkspaceWithAPolicyRuleLoadsThem() throws Exception {
        assertThat(classesLoadedByARunOf(Cli.copySample(tmp))).contains(" dev.cel.");
    }

    private String classesLoadedByARunOf(Path ws) throws Exception {
        // The test jar's options (its class archive: a class mapped from it is logged by name all the same).
        List<String> command = new ArrayList<>(List.of(TestJar.java()));
        command.addAll(List.of(TestJar.jvmOptions().split(" ")));
        command.addAll(List.of("-Xlog:class+load=info", "-jar", TestJar.path().toString(), "run", ws.toString(),
                "--route", "offline", "--db", tmp.resolve(ws.getFileName() + ".db").toString(), "--quiet"));
        Path log = tmp.resolve(ws.getFileName() + ".log");
        Process p = new ProcessBuilder(TestJar.yielding(command)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        return out;
    }
}
