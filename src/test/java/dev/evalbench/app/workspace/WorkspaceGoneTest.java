package dev.evalbench.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.fx.SameThreadTaskRunner;
import dev.evalbench.core.workspace.InputError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace folder moved or deleted while it is open: renamed, it sends the watcher no event (its watches follow
 * it), yet the window hears of it going and coming back; read again, it is one problem that says what happened, not
 * "not found" for each file a workspace must have.
 */
class WorkspaceGoneTest {
    @TempDir Path temp;

    @Test
    void aFolderMovedAwayAndBackIsToldBothTimes() throws Exception {
        Path ws = dev.evalbench.cli.Cli.copySample(temp);
        Path away = temp.resolve("moved-away");
        LinkedBlockingQueue<Set<String>> told = new LinkedBlockingQueue<>();
        try (WorkspaceWatcher watcher = WorkspaceWatcher.start(ws, new SameThreadTaskRunner(), told::add)) {
            Files.move(ws, away);
            assertThat(told.poll(10, TimeUnit.SECONDS)).as("told of the folder going").isEqualTo(Set.of());
            Files.move(away, ws);
            assertThat(told.poll(10, TimeUnit.SECONDS)).as("told of it coming back").isEqualTo(Set.of());
            assertThat(told.poll(3, TimeUnit.SECONDS)).as("told once each time").isNull();
        }
    }

    @Test
    void aFolderGoneIsOneProblemThatSaysSo() {
        WorkspaceSession session = new WorkspaceSession(new SameThreadTaskRunner(), Map.of());
        Path gone = temp.resolve("support-triage");
        session.open(gone);
        assertThat(session.problems()).containsExactly(new InputError(gone.toAbsolutePath().normalize().toString(), 0, 0,
                "the workspace folder is gone (moved or deleted): open it where it is now (Ctrl+O)"));
        assertThat(session.workspace()).isNull();
    }
}
