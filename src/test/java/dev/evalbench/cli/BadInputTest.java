package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken input exits 2 with file:line and a plain explanation, and writes nothing: no history appears.
 * Each test breaks one thing in a copy of the sample workspace and runs {@code evalbench run} on it.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    private Cli.Result runBroken(Path ws) {
        Cli.Result r = Cli.run("run", ws.toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ws.resolve(".evalbench")).as("nothing written").doesNotExist();
        return r;
    }

    @Test
    void badYaml() {
        Path ws = Cli.copySample(tmp);
        Cli.edit(ws.resolve("policy.yaml"), "fallback_action: escalate", "fallback_action: [escalate");
        assertThat(runBroken(ws).err()).containsPattern("policy\\.yaml:\\d+:\\d+");
    }

    @Test
    void unknownKey() {
        Path ws = Cli.copySample(tmp);
        Cli.edit(ws.resolve("routes.yaml"), "    timeout_ms: 30000", "    timeout_msec: 30000");
        assertThat(runBroken(ws).err()).containsPattern("routes\\.yaml:\\d+").contains("timeout_msec");
    }

    @Test
    void wrongType() {
        Path ws = Cli.copySample(tmp);
        Cli.edit(ws.resolve("gates.yaml"), "min: 0.85", "min: high");
        assertThat(runBroken(ws).err()).containsPattern("gates\\.yaml:3:\\d+").contains("high");
    }

    @Test
    void missingTemplateVariable() {
        Path ws = Cli.copySample(tmp);
        Cli.edit(ws.resolve("prompts/triage.yaml"), "{{ ticket }}", "{{ ticket }} {{ loyalty_points }}");
        // No case defines it: the template's line is the one to fix, said once for the two suites that use it.
        assertThat(runBroken(ws).err()).isEqualTo("error: prompts/triage.yaml:71: body line 4: variable \"loyalty_points\" is "
                + "not defined (all 127 cases of suite \"triage\" in datasets/tickets.jsonl and all 32 of suite \"safety\" in "
                + "datasets/probes.jsonl fail the same way)" + System.lineSeparator());
    }

    @Test
    void duplicateCaseId() throws IOException {
        Path ws = Cli.copySample(tmp);
        Path tickets = ws.resolve("datasets/tickets.jsonl");
        var lines = Files.readAllLines(tickets);
        lines.add(lines.get(0));
        Files.write(tickets, lines);
        assertThat(runBroken(ws).err()).containsPattern("tickets\\.jsonl:" + lines.size()).containsIgnoringCase("duplicate");
    }

    @Test
    void unknownRouteInManifest() {
        Path ws = Cli.copySample(tmp);
        Cli.edit(ws.resolve("evalbench.yaml"), "default_route: offline", "default_route: ofline");
        assertThat(runBroken(ws).err()).containsPattern("evalbench\\.yaml:3:\\d+").contains("ofline");
    }

    @Test
    void unknownRouteOnCommandLine() {
        Path ws = Cli.copySample(tmp);
        Cli.Result r = Cli.run("run", ws.toString(), "--route", "gpt-9", "--quiet");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("gpt-9").contains("offline");
        assertThat(ws.resolve(".evalbench")).doesNotExist();
    }

    @Test
    void datasetLineThatIsNotJson() throws IOException {
        Path ws = Cli.copySample(tmp);
        Path probes = ws.resolve("datasets/probes.jsonl");
        var lines = Files.readAllLines(probes);
        lines.set(4, "{\"id\": \"p-broken\", \"vars\": ");
        Files.write(probes, lines);
        assertThat(runBroken(ws).err()).containsPattern("probes\\.jsonl:5\\b");
    }

    @Test
    void anOutputPathThatIsAFolderIsRefusedBeforeRunning() throws IOException {
        Path ws = Cli.copySample(tmp);
        Path folder = Files.createDirectories(tmp.resolve("reports"));
        Cli.Result r = Cli.run("run", ws.toString(), "--junit", folder.toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("reports").contains("folder");
        assertThat(ws.resolve(".evalbench")).doesNotExist();
    }

    @Test
    void noCommandIsUsage() {
        Cli.Result r = Cli.run();
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("evalbench run");
    }

    /**
     * A file named as the history that is no history is the input named, as a missing one is: exit 2 for a command
     * that reads it and for one that would write to it, the message says what the file is, and its bytes are left
     * as they were (a `run` does not migrate or append to it).
     */
    @Test
    void aFileThatIsNoHistoryIsBadInputAndIsLeftAsItWas() throws IOException {
        Path ws = Cli.copySample(tmp);
        Path notes = tmp.resolve("notes.db");
        byte[] bytes = "these are my notes, not a run history\n".repeat(200).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(notes, bytes);

        for (String[] command : new String[][] {{"history", "--db", notes.toString()},
                {"run", ws.toString(), "--db", notes.toString(), "--quiet"}}) {
            Cli.Result r = Cli.run(command);
            assertThat(r.exit()).as(String.join(" ", command) + ": " + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains(notes.toString()).contains("not a run history: the file is not a SQLite database")
                    .contains("(or name another history with --db PATH)");
        }
        assertThat(Files.readAllBytes(notes)).isEqualTo(bytes);
        assertThat(ws.resolve(".evalbench")).as("nothing written").doesNotExist();
    }

    /** A history written by a newer Evalbench is refused by a reading command with exit 2 and what to do. */
    @Test
    void aHistoryOfANewerSchemaIsBadInputSayingToUpgrade() throws Exception {
        Path db = tmp.resolve("newer.db");
        try (var store = dev.evalbench.core.store.sqlite.SqliteRunStore.open(db)) {
            // opened once: every migration applied
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', '2030-01-01')");
        }

        Cli.Result r = Cli.run("history", "--db", db.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("was written by a newer Evalbench (schema 999").contains("upgrade Evalbench to read it");
    }
}
