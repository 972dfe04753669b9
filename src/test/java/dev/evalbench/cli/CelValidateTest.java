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
        String line = text.lines().filter(l -> l.contains("name: no-refund-promise")).findFirst().orElseThrow();
        Files.writeString(manifest, text.replace(line, line.replace("!output.reply.matches", "!output.replyy.matches")));

        Cli.Result r = Cli.run("validate", "--workspace", ws.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        int lineNo = text.lines().toList().indexOf(line) + 1;
        int column = line.indexOf("output.reply.matches") + "output".length() + 1; // the '.' before the unknown field
        assertThat(r.err()).contains("evalbench.yaml:" + lineNo + ":" + column
                + ": check \"no-refund-promise\" of suite \"triage\": undefined field 'replyy'");
        assertThat(ws.resolve(".evalbench")).doesNotExist();
    }
}
