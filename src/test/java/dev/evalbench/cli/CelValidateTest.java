package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `validate` refuses a CEL check or policy rule with a type error: exit 2, file:line:column, nothing written. */
class CelValidateTest {
    @TempDir Path tmp;

    @Test
    void aCheckWithAnUnknownFieldExitsTwoNamingItsPlace() throws Exception {
        Path ws = Cli.copySample(tmp);
        Path manifest = ws.resolve("evalbench.yaml");
        String text = Files.readString(manifest);
        assertThat(text).contains("    routing: action\n");
        Files.writeString(manifest, text.replaceFirst("    routing: action\n",
                "    routing: action\n    checks:\n      - {name: reply-fits, expr: 'size(output.replyy) <= 600'}\n"));

        Cli.Result r = Cli.run("validate", "--workspace", ws.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        int line = text.lines().toList().indexOf("    routing: action") + 3;
        assertThat(r.err()).contains("evalbench.yaml:" + line + ":46: check \"reply-fits\" of suite \"triage\": undefined field 'replyy'");
        assertThat(ws.resolve(".evalbench")).doesNotExist();
    }
}
