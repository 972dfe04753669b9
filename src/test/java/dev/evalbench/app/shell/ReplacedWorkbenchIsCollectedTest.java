package dev.evalbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.WorkbenchFixture;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A workbench closed on a stage that then shows another leaves nothing on the stage that keeps its window (tabs,
 * runs, records) alive. Every window test puts its workbench on the test JVM's one primary stage: while each
 * left a listener there, the JVM kept every window it ever opened, its live heap grew to 600 MB, and collections
 * took seconds of the suite.
 */
@Isolated // it collects the whole heap, and drives the JavaFX toolkit
class ReplacedWorkbenchIsCollectedTest {
    @TempDir
    Path tmp;

    @Test
    void aClosedWorkbenchWhoseStageShowsAnotherCanBeCollected() throws Exception {
        WeakReference<MainWindow> closed = startAndClose(tmp.resolve("first"));
        WorkbenchFixture next = WorkbenchFixture.ofSample(tmp.resolve("second")).start();
        try {
            // Its last background tasks may still be finishing (they hold the window until they do).
            for (int i = 0; i < 50 && closed.get() != null; i++) {
                System.gc();
                Thread.sleep(100);
            }
            assertThat(closed.get()).as("the closed workbench's window is still reachable").isNull();
        } finally {
            next.stop();
        }
    }

    private static WeakReference<MainWindow> startAndClose(Path folder) throws Exception {
        WorkbenchFixture first = WorkbenchFixture.ofSample(folder).start();
        WeakReference<MainWindow> window = new WeakReference<>(first.workbench().window());
        first.stop();
        return window;
    }
}
