package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder named where a command writes a file is bad input, said in one line before any work: exit 2, nothing
 * written. `export`, `compare --markdown`, `traffic export --out` and `run --otlp` used to exit 3 at the end with
 * "is a directory: /tmp/.busy1758….tmp" (a temporary file's name), `run --otlp` after the whole run.
 */
class OutputFolderTest {
    @TempDir Path tmp;

    @Test
    void everyFileOutputNamedAsAFolderIsRefusedBeforeAnyWork() throws Exception {
        Path ws = Cli.copySample(tmp);
        assertThat(Cli.run("run", ws.toString(), "--quiet").exit()).isEqualTo(1);
        Path folder = Files.createDirectories(tmp.resolve("out"));
        String said = folder + ": is a folder; name the file to write";

        for (List<String> command : List.of(
                List.of("export", "latest", "-w", ws.toString(), "--out", folder.toString()),
                List.of("compare", "latest", "latest", "-w", ws.toString(), "--markdown", folder.toString()),
                List.of("traffic", "export", "latest", "-w", ws.toString(), "--out", folder.toString()),
                List.of("run", ws.toString(), "--quiet", "--otlp", folder.toString()),
                List.of("run", ws.toString(), "--quiet", "--junit", folder.toString()))) {
            Cli.Result r = Cli.run(command.toArray(String[]::new));
            assertThat(r.exit()).as("%s: %s", command, r.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).as("%s", command).isEqualTo("error: " + said + "\n");
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left beside the folder")
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
        assertThat(Cli.run("history", ws.toString()).out().lines().count()).as("no run made by the refused runs")
                .isEqualTo(2);
    }
}
