package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher answers {@code --version} before building the command tree; what it prints must stay exactly
 * what the command line's own version option prints, and anything else still goes to the command line.
 */
class VersionFastPathTest {
    @Test
    void theShortcutPrintsWhatTheCommandLinePrints() throws Exception {
        String viaPicocli = Cli.run("--version").out();
        assertThat(launch("--version")).isEqualTo(viaPicocli).startsWith("evalbench ");
        assertThat(launch("-V")).isEqualTo(viaPicocli);
    }

    @Test
    void versionWithOtherArgumentsIsLeftToTheCommandLine() throws Exception {
        assertThat(launch("validate", "--version")).isEqualTo(Cli.run("validate", "--version").out());
    }

    private static String launch(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.evalbench.Launcher"));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as(out).isZero();
        return out;
    }
}
