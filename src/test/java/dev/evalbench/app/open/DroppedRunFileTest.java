package dev.evalbench.app.open;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.fx.FileDrop;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.input.TransferMode;
import org.junit.jupiter.api.Test;

/** A reviewer drags the run files CI produced onto the window: one opens read-only, two open as their comparison. */
@dev.evalbench.app.SharesFxToolkit
class DroppedRunFileTest extends WindowTestBase {

    private Path exported(String name) throws Exception {
        return ExportedRunFile.of(temp, name);
    }

    @Test
    void aDroppedRunFileOpensReadOnlyAndTwoDroppedFilesOpenAsTheirComparison() throws Exception {
        Path main = exported("main");
        Path pr = exported("pr");
        fixture = WorkbenchFixture.ofSample(temp.resolve("reviewer")).start();

        AtomicReference<TransferMode> accepted = new AtomicReference<>();
        robot.interact(() -> accepted.set(FileDrop.drop(fixture.workbench().window().scene(), main)));

        assertThat(accepted.get()).isEqualTo(TransferMode.COPY);
        waitFor(20, TimeUnit.SECONDS, () -> selectedTab() != null && selectedTab().getText().startsWith("Read-only ")
                && robot.lookup("#results-table").tryQuery().isPresent()
                && table("#results-table").getItems().size() == 159);
        Tab tab = selectedTab();
        assertThat(tab.getText()).startsWith("Read-only ");
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText())
                .startsWith("Opened run export ").endsWith("(main.json) read-only.");

        robot.interact(() -> FileDrop.drop(fixture.workbench().window().scene(), main, pr));

        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-table").tryQuery().isPresent()
                && table("#compare-table").getItems().size() == 159);
        assertThat(robot.lookup("#compare-runs").queryAs(Label.class).getText())
                .contains("(main.json) (read-only)").contains("(pr.json) (read-only)");
    }

    @Test
    void aDroppedFileThatIsNoRunSaysWhyAndOpensNothing() throws Exception {
        Path notARun = temp.resolve("notes.json");
        java.nio.file.Files.writeString(notARun, "{\"hello\": 1}");
        fixture = WorkbenchFixture.ofSample(temp.resolve("reviewer")).start();
        int tabsBefore = fixture.workbench().window().tabs().getTabs().size();

        robot.interact(() -> FileDrop.drop(fixture.workbench().window().scene(), notARun));

        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#status-message").queryAs(Label.class).getText().startsWith("Cannot open"));
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText()).contains("notes.json");
        assertThat(fixture.workbench().window().tabs().getTabs()).hasSize(tabsBefore);
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String id) {
        return (TableView<T>) robot.lookup(id).queryAs(TableView.class);
    }
}
