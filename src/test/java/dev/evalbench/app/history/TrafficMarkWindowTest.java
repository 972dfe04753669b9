package dev.evalbench.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.cli.Cli;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** In the real window: an imported traffic run is in the history list with its own mark; an eval run has none. */
@dev.evalbench.app.SharesFxToolkit
class TrafficMarkWindowTest {
    @TempDir Path temp;
    private WorkbenchFixture fixture;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        if (fixture != null) fixture.stop();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTrafficRunIsMarkedInTheHistoryList() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        Path ws = fixture.workspace;
        assertThat(Cli.run("run", "-w", ws.toString(), "--quiet").exit()).isEqualTo(1);
        assertThat(Cli.run("traffic", "import", ws.resolve("traffic/control-small.jsonl").toString(), "-w", ws.toString()).exit()).isZero();
        fixture.start();

        ListView<RunRow> list = robot.lookup("#history-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        assertThat(list.getItems().get(0).kind()).isEqualTo("traffic");
        assertThat(list.getItems().get(1).kind()).isEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        var marks = robot.lookup("#history-list .run-kind").queryAllAs(Label.class);
        assertThat(marks).filteredOn(Label::isVisible).extracting(Label::getText).containsExactly("traffic");
    }
}
