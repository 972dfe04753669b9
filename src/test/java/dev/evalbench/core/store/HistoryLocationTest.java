package dev.evalbench.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryLocationTest {
    @TempDir Path workspace;

    @Test
    void theDefaultHistoryLivesInTheWorkspacesEvalbenchFolder() {
        assertThat(HistoryLocation.defaultDb(workspace)).isEqualTo(workspace.resolve(".evalbench/history.db"));
        assertThat(workspace.resolve(".evalbench")).doesNotExist();
    }

    @Test
    void preparingCreatesTheFolderWithAGitignoreThatIgnoresEverything() throws Exception {
        Path db = HistoryLocation.prepare(workspace);

        assertThat(db).isEqualTo(HistoryLocation.defaultDb(workspace));
        assertThat(Files.readAllLines(workspace.resolve(".evalbench/.gitignore"))).contains("*");
    }

    @Test
    void aFolderMadeByAnotherPartStillGetsItsGitignoreAndAUsersOwnIsKept() throws Exception {
        Files.createDirectories(workspace.resolve(".evalbench/cache"));
        HistoryLocation.prepare(workspace);
        assertThat(Files.readAllLines(workspace.resolve(".evalbench/.gitignore"))).contains("*");

        Files.writeString(workspace.resolve(".evalbench/.gitignore"), "*\n!keep.txt\n");
        HistoryLocation.prepare(workspace);

        assertThat(Files.readString(workspace.resolve(".evalbench/.gitignore"))).isEqualTo("*\n!keep.txt\n");
    }
}
