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
        waitFor(20, TimeUnit.SECONDS, () -> "support-triage".equals(switcher.getText()) && switcher.getItems().size() == 4);
        assertThat(FxWait.read(() -> switcher.getItems().stream()
                .map(i -> i instanceof SeparatorMenuItem ? "—" : i.getText()).toList()))
                .containsExactly("invoice-extraction   " + invoices, "—", "Open another workspace folder…   Ctrl+O",
                        "New workspace…   Ctrl+N");
        assertThat(FxWait.read(() -> !switcher.isMnemonicParsing()
                && switcher.getItems().stream().noneMatch(MenuItem::isMnemonicParsing)))
                .as("a folder named my_evals drawn with its underscore").isTrue();

        robot.clickOn(switcher);
        MenuItem invoiceItem = switcher.getItems().get(0);
        robot.interact(invoiceItem::fire);
        robot.interact(switcher::hide);

        waitFor(20, TimeUnit.SECONDS, () -> invoices.equals(fixture.workbench().session().folder())
                && "invoice-extraction".equals(switcher.getText()) && switcher.getItems().size() == 4
                && switcher.getItems().get(0).getText().startsWith("support-triage   "));
        fixture.stop();
        waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(fixture.settings)
                && new SettingsFile(fixture.settings).load().recentWorkspaces.size() == 3);
        assertThat(new SettingsFile(fixture.settings).load().recentWorkspaces).containsExactly(invoices.toString(),
                fixture.workspace.toAbsolutePath().normalize().toString(), gone.toString());
    }

    /**
     * Each workspace keeps its tabs: a template open in the sample, then the invoice sample opened from the switcher
     * (its own template opened there), then the sample again: its template's tab is back, and the invoice's is
     * remembered for the next start on it.
     */
    @Test
    void switchingBackReopensTheTabsTheWorkspaceHad() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        Path invoices = temp.resolve("invoice-extraction").toAbsolutePath();
        dev.evalbench.cli.Cli.copyTree(Path.of("workspaces/invoice-extraction"), invoices);
        WorkbenchSettings remembered = new WorkbenchSettings();
        remembered.recentWorkspaces = new java.util.ArrayList<>(List.of(invoices.toString()));
        new SettingsFile(fixture.settings).save(remembered);
        fixture.start();
        MenuButton switcher = robot.lookup("#workspace-switcher").queryAs(MenuButton.class);
        waitFor(20, TimeUnit.SECONDS, () -> "support-triage".equals(switcher.getText()) && treeCell("triage.yaml  r4") != null);
        dev.evalbench.app.DoubleClick.opening(robot, () -> treeCell("triage.yaml  r4"), () -> titles().contains("triage.yaml"));

        choose(switcher, "invoice-extraction");
        waitFor(20, TimeUnit.SECONDS, () -> "invoice-extraction".equals(switcher.getText()) && titles().isEmpty()
                && treeCell("extract.yaml  r1") != null);
        dev.evalbench.app.DoubleClick.opening(robot, () -> treeCell("extract.yaml  r1"), () -> titles().contains("extract.yaml"));

        choose(switcher, "support-triage");
        waitFor(20, TimeUnit.SECONDS, () -> "support-triage".equals(switcher.getText()) && titles().equals(List.of("triage.yaml")));
        fixture.stop();
        waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(fixture.settings)
                && new SettingsFile(fixture.settings).load().tabsByWorkspace.size() == 2);
        assertThat(new SettingsFile(fixture.settings).load().tabsOf(invoices.toString()).ids)
                .containsExactly("file:prompts/extract.yaml");
    }

    /**
     * A reviewer opens CI's report folder over the sample, whose template tab was kept: the window shows the
     * report's comparison, not the template, and closing it leaves the sample's kept tabs as they were (the
     * report's tabs are not the workspace's).
     */
    @Test
    void aReviewStartLeavesTheWorkspacesKeptTabsAsTheyWere() throws Exception {
        Path ws = dev.evalbench.cli.EditedPromptRuns.make(temp.resolve("ci"));
        Path report = dev.evalbench.cli.EditedPromptRuns.report(ws, temp.resolve("ci-report"));
        fixture = WorkbenchFixture.ofSample(temp);
        String sample = fixture.workspace.toAbsolutePath().normalize().toString();
        WorkbenchSettings remembered = new WorkbenchSettings();
        remembered.keepTabs(sample, new dev.evalbench.app.settings.OpenTabs(List.of("file:prompts/triage.yaml"),
                "file:prompts/triage.yaml"));
        new SettingsFile(fixture.settings).save(remembered);
        fixture.start(java.util.Map.of(), List.of(dev.evalbench.core.service.RunFiles.open(report)));

        waitFor(20, TimeUnit.SECONDS, () -> FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream()
                        .anyMatch(t -> "compare-tab".equals(t.getId())))
                && !FxWait.read(() -> fixture.workbench().session().loadingProperty().get()));
        assertThat(titles()).doesNotContain("triage.yaml");
        fixture.stop();
        waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(fixture.settings)
                && sample.equals(new SettingsFile(fixture.settings).load().lastWorkspace));
        assertThat(new SettingsFile(fixture.settings).load().tabsOf(sample).ids).containsExactly("file:prompts/triage.yaml");
    }

    /**
     * The open workspace's folder renamed under the window (it sends no event): the tree lists nothing and Problems
     * says in one line that it is gone and how to open it again, with no "Failed: PATH" in the status line; renamed
     * back, everything is there again.
     */
    @Test
    void aWorkspaceMovedAwayWhileOpenIsOneProblemAndComesBackWithItsFolder() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp).start();
        waitFor(20, TimeUnit.SECONDS, () -> treeCell("triage.yaml  r4") != null);
        waitFor(10, TimeUnit.SECONDS, () -> Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals("evalbench-watch-" + fixture.workspace.getFileName())));
        Path folder = fixture.workspace.toAbsolutePath().normalize();
        Path away = temp.resolve("renamed");
        Files.move(folder, away);
        waitFor(15, TimeUnit.SECONDS, () -> treeCell("triage.yaml  r4") == null && FxWait.read(() ->
                fixture.workbench().session().problems().stream().map(p -> p.file() + ": " + p.message()).toList())
                .equals(List.of(folder + ": the workspace folder is gone (moved or deleted): open it where it is now (Ctrl+O)")));
        assertThat(FxWait.read(() -> robot.lookup("#status-message").queryAs(javafx.scene.control.Label.class).getText()))
                .doesNotStartWith("Failed");
        Files.move(away, folder);
        waitFor(15, TimeUnit.SECONDS, () -> treeCell("triage.yaml  r4") != null
                && FxWait.read(() -> fixture.workbench().session().problems().isEmpty()));
    }

    /** Fires the switcher's item for the workspace folder {@code name}. */
    private void choose(MenuButton switcher, String name) throws Exception {
        waitFor(10, TimeUnit.SECONDS, () -> switcher.getItems().stream().anyMatch(i -> i.getText() != null
                && i.getText().startsWith(name + "   ")));
        MenuItem item = FxWait.read(() -> switcher.getItems().stream()
                .filter(i -> i.getText() != null && i.getText().startsWith(name + "   ")).findFirst().orElseThrow());
        robot.interact(item::fire);
    }

    private List<String> titles() {
        return FxWait.read(() -> fixture.workbench().window().tabs().getTabs().stream().map(javafx.scene.control.Tab::getText).toList());
    }
}
