package dev.evalbench.app.author;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.settings.SettingsFile;
import dev.evalbench.app.settings.WorkbenchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.junit.jupiter.api.Test;

/**
 * Another workspace is one click away: the workspace pane's title names the open one and lists those opened
 * before (the most recent first, only those still there), and the next start remembers the order.
 */
@dev.evalbench.app.SharesFxToolkit
class WorkspaceSwitcherTest extends WindowTestBase {
    @Test
    void aRecentWorkspaceOpensFromTheWorkspacePanesTitle() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        Path invoices = temp.resolve("invoice-extraction").toAbsolutePath();
        dev.evalbench.cli.Cli.copyTree(Path.of("workspaces/invoice-extraction"), invoices);
        Path gone = temp.resolve("moved-away").toAbsolutePath();
        WorkbenchSettings remembered = new WorkbenchSettings();
        remembered.recentWorkspaces = new java.util.ArrayList<>(List.of(gone.toString(), invoices.toString()));
        new SettingsFile(fixture.settings).save(remembered);
        fixture.start();

        MenuButton switcher = robot.lookup("#workspace-switcher").queryAs(MenuButton.class);
        waitFor(20, TimeUnit.SECONDS, () -> "support-triage".equals(switcher.getText()) && switcher.getItems().size() == 3);
        assertThat(FxWait.read(() -> switcher.getItems().stream()
                .map(i -> i instanceof SeparatorMenuItem ? "—" : i.getText()).toList()))
                .containsExactly("invoice-extraction   " + invoices, "—", "Open another workspace folder…   Ctrl+O");

        robot.clickOn(switcher);
        MenuItem invoiceItem = switcher.getItems().get(0);
        robot.interact(invoiceItem::fire);
        robot.interact(switcher::hide);

        waitFor(20, TimeUnit.SECONDS, () -> invoices.equals(fixture.workbench().session().folder())
                && "invoice-extraction".equals(switcher.getText()) && switcher.getItems().size() == 3
                && switcher.getItems().get(0).getText().startsWith("support-triage   "));
        fixture.stop();
        waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(fixture.settings)
                && new SettingsFile(fixture.settings).load().recentWorkspaces.size() == 3);
        assertThat(new SettingsFile(fixture.settings).load().recentWorkspaces).containsExactly(invoices.toString(),
                fixture.workspace.toAbsolutePath().normalize().toString(), gone.toString());
    }
}
