package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Older revisions come from the runs' snapshots in a real history file and from real git commits. */
class PromptHistoryTest {
    private static final String FILE = "prompts/p.yaml";
    @TempDir Path ws;

    private static String prompt(int revision, String changelog, String body) {
        return "id: p\nrevision: " + revision + "\nchangelog: \"" + changelog + "\"\nbody: |\n  " + body + "\n";
    }

    private void write(String text) throws Exception {
        Files.createDirectories(ws.resolve("prompts"));
        Files.writeString(ws.resolve(FILE), text);
    }

    private void storeRun(String id, String text) throws Exception {
        try (SqliteRunStore store = SqliteRunStore.open(HistoryLocation.defaultDb(ws))) {
            String sha = store.putSnapshot(text.getBytes(StandardCharsets.UTF_8));
            store.createRun(new RunHeader(id, "ws", ws.toString(), new RunConfig(List.of("offline"), List.of(), 1, 1, "off"),
                    RunStatus.COMPLETE, Instant.parse("2026-11-29T10:00:00Z"), null, "test", null, Map.of(FILE, sha), 0, 1, List.of()));
        }
    }

    private void git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", ws.toString(), "-c", "user.name=t",
                "-c", "user.email=t@example.com"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
    }

    /**
     * A workspace without git or runs: the file as it came was in the history only while it was the file, and
     * saving the next revision took it (and its roll back) away. It stays, as a saved revision.
     */
    @Test
    void savingTheNextRevisionKeepsTheOneItReplaces() throws Exception {
        write(prompt(1, "As it came", "one"));

        PromptSaver.saveNext(ws, FILE, prompt(1, "As it came", "two"), "Second");

        List<PromptVersion> versions = PromptHistory.of(ws, FILE);
        assertThat(versions).extracting(PromptVersion::revision).containsExactly(2, 1);
        assertThat(versions).extracting(PromptVersion::source).containsExactly(PromptVersion.Source.FILE, PromptVersion.Source.SAVED);
        assertThat(versions.get(1).parts().body()).isEqualTo("one\n");

        PromptSaver.rollback(ws, FILE, versions.get(1));
        assertThat(PromptHistory.of(ws, FILE)).extracting(PromptVersion::revision).containsExactly(3, 2, 1);
        assertThat(Files.readString(ws.resolve(FILE))).contains("revision: 3").contains("  one\n");
    }

    /** A file with \r\n line ends keeps them through a save and a roll back; one with \n alone keeps those. */
    @Test
    void savesAndRollBacksKeepTheFilesLineEnds() throws Exception {
        write(prompt(1, "As it came", "one").replace("\n", "\r\n"));

        String written = PromptSaver.saveNext(ws, FILE, prompt(1, "As it came", "two"), "Second");
        String onDisk = Files.readString(ws.resolve(FILE));
        assertThat(written).isEqualTo(onDisk);
        assertThat(onDisk).contains("revision: 2\r\n").contains("  two\r\n");
        assertThat(onDisk.replace("\r\n", "")).doesNotContain("\n");
        PromptSaver.rollback(ws, FILE, PromptHistory.of(ws, FILE).get(1));
        String rolledBack = Files.readString(ws.resolve(FILE));
        assertThat(rolledBack).contains("revision: 3\r\n").contains("  one\r\n");
        assertThat(rolledBack.replace("\r\n", "")).doesNotContain("\n");

        write(prompt(1, "As it came", "one"));
        PromptSaver.saveNext(ws, FILE, prompt(1, "As it came", "two").replace("\n", "\r\n"), "Second");
        assertThat(Files.readString(ws.resolve(FILE))).doesNotContain("\r");
    }

    @Test
    void listsTheFileTheRunsSnapshotsAndNoDuplicates() throws Exception {
        storeRun("run-a", prompt(1, "First", "one"));
        storeRun("run-b", prompt(2, "Second", "two"));
        storeRun("run-c", prompt(2, "Second", "two"));
        write(prompt(3, "Third", "three"));
        List<PromptVersion> versions = PromptHistory.of(ws, FILE);
        assertThat(versions).extracting(PromptVersion::revision).containsExactly(3, 2, 1);
        assertThat(versions).extracting(PromptVersion::source)
                .containsExactly(PromptVersion.Source.FILE, PromptVersion.Source.RUN, PromptVersion.Source.RUN);
        assertThat(versions.get(2).changelog()).isEqualTo("First");
        assertThat(versions.get(2).parts().body()).isEqualTo("one\n");
    }

    @Test
    void readsCommittedRevisionsFromGitWhenTheWorkspaceIsARepository() throws Exception {
        git("init", "-q");
        write(prompt(1, "First", "one"));
        git("add", ".");
        git("commit", "-q", "-m", "Add the prompt");
        write(prompt(2, "Second", "two"));
        git("commit", "-q", "-am", "Second revision");
        write(prompt(3, "Working copy", "three"));
        List<PromptVersion> versions = PromptHistory.of(ws, FILE);
        assertThat(versions).extracting(PromptVersion::revision).containsExactly(3, 2, 1);
        assertThat(versions.get(1).source()).isEqualTo(PromptVersion.Source.GIT);
        assertThat(versions.get(1).origin()).endsWith("Second revision");
        assertThat(Files.exists(HistoryLocation.defaultDb(ws))).as("no history created by reading").isFalse();
    }
}
