package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evalbench completion}'s script, sourced by a real bash: Tab after "evalbench va" gives validate, after
 * "evalbench run --ro" gives --route, and every verb is offered after "evalbench ".
 */
class CompletionCommandTest {
    @TempDir Path tmp;

    @Test
    void bashCompletesCommandsAndOptions() throws Exception {
        Cli.Result r = Cli.run("completion");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("complete -F _complete_evalbench -o default evalbench");
        Path script = Files.writeString(tmp.resolve("evalbench_completion"), r.out());

        assertThat(complete(script, "evalbench va")).isEqualTo("validate");
        assertThat(complete(script, "evalbench run --ro")).isEqualTo("--route");
        assertThat(complete(script, "evalbench ").split(" ")).contains("init", "run", "gate", "compare", "report",
                "verify", "completion");
    }

    /** What bash offers for {@code line} (the word after its last space), as Tab would. */
    private static String complete(Path script, String line) throws Exception {
        String program = "source \"$1\"; COMP_LINE=\"$2\"; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<< \"$2\";"
                + (line.endsWith(" ") ? " COMP_WORDS+=(\"\");" : "") + " COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
                + " _complete_evalbench evalbench \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\";"
                + " echo \"${COMPREPLY[*]}\"";
        // Standard error is left out: bash's compopt says "not currently executing completion function" when the
        // function is called as here, outside a Tab press.
        Process bash = new ProcessBuilder("bash", "-c", program, "bash", script.toString(), line)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(bash.waitFor()).as(out).isZero();
        return out;
    }
}
