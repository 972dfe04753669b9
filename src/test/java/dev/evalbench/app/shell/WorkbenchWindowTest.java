package dev.evalbench.app.shell;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.DrawnWhole;
import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import dev.evalbench.app.settings.SettingsFile;
import dev.evalbench.app.settings.WorkbenchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on a copy of the sample: it opens, loads the workspace, and remembers its layout. */
@org.junit.jupiter.api.parallel.Isolated("touches process-wide state: JavaFX toolkit, System.out/err, ProxySelector or system properties")
class WorkbenchWindowTest extends WindowTestBase {

    @Test
    void opensOnTheSampleAndLoadsItWithoutProblems() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp).start();
        assertThat(fixture.stage.getTitle()).isEqualTo("support-triage - Evalbench");
        waitFor(10, TimeUnit.SECONDS, () -> fixture.workbench().session().workspace() != null);
        assertThat(fixture.workbench().session().workspace().name()).isEqualTo("support-triage");
        assertThat(fixture.workbench().session().problems()).isEmpty();
        // No run yet: the narrow history pane says how to make one, in full (it read "Ctrl+R runs the wo…").
        Label empty = robot.lookup("#history-empty").queryAs(Label.class);
        waitFor(10, TimeUnit.SECONDS, () -> empty.isVisible() && empty.getWidth() > 0);
        assertThat(FxWait.read(empty::getText)).isEqualTo("No runs yet: Ctrl+R runs the workspace.");
        assertThat(FxWait.read(() -> DrawnWhole.of(empty))).as("drawn whole").isTrue();
    }

    @Test
    void ctrlQClosesTheWindowWhenNothingIsUnsaved() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp).start();
        waitFor(10, TimeUnit.SECONDS, () -> fixture.workbench().session().workspace() != null);
        robot.clickOn("#history-search");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Q)
                .release(javafx.scene.input.KeyCode.Q, javafx.scene.input.KeyCode.CONTROL);
        waitFor(10, TimeUnit.SECONDS, () -> !fixture.stage.isShowing());
    }

    @Test
    void withoutAWorkspaceTheWindowSaysHowToOpenOne() throws Exception {
        fixture = WorkbenchFixture.withoutWorkspace(temp).start();
        Label empty = robot.lookup("#history-empty").queryAs(Label.class);
        waitFor(10, TimeUnit.SECONDS, () -> empty.isVisible() && empty.getWidth() > 0);
        assertThat(FxWait.read(empty::getText)).as("the runs list, not 'Ctrl+R runs the workspace'")
                .isEqualTo("No workspace open: Ctrl+O opens one, Ctrl+N makes a new one.");
        assertThat(FxWait.read(() -> DrawnWhole.of(empty))).isTrue();
    }

    @Test
    void f1ListsTheShortcuts() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp).start();
        robot.clickOn(fixture.stage.getScene().getRoot()).push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Window.getWindows()).anyMatch(w -> w instanceof Stage s && "Keyboard shortcuts".equals(s.getTitle()));
        assertThat(FxWait.read(() -> robot.lookup("Show this list of shortcuts").tryQuery().isPresent()))
                .as("Show this list of shortcuts").isTrue();
        assertThat(FxWait.read(() -> robot.lookup("Hide or show the workspace and runs column").tryQuery().isPresent()))
                .as("Hide or show the workspace and runs column").isTrue();
        // The template editor's own keys, which its text area handles, are listed too.
        assertThat(FxWait.read(() -> robot.lookup("Undo (back to the file as opened, no further)").tryQuery().isPresent()))
                .as("the editor's undo").isTrue();
        assertThat(FxWait.read(() -> robot.lookup("Clear the filter or find field being typed in (the whole list again); "
                + "close a dialog, a menu or this list").tryQuery().isPresent())).as("what Esc does").isTrue();
    }

    /**
     * The sheet fits the screen and scrolls to its last shortcut (at 1280x800 it ran off both edges, the first and
     * last groups out of reach); typing finds shortcuts; Esc clears what was typed, then closes the sheet.
     */
    @Test
    void theShortcutSheetFitsTheScreenScrollsAndFinds() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp).start();
        robot.clickOn(fixture.stage.getScene().getRoot()).push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Stage sheet = (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && "Keyboard shortcuts".equals(s.getTitle())).findFirst().orElseThrow();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        javafx.scene.control.ScrollPane scroll = robot.lookup("#shortcut-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        javafx.scene.layout.GridPane grid = robot.lookup("#shortcut-grid").queryAs(javafx.scene.layout.GridPane.class);
        waitFor(5, TimeUnit.SECONDS, () -> grid.getHeight() > 0);
        assertThat(FxWait.read(grid::getHeight)).as("the list is taller than the screen, so the sheet must scroll")
                .isGreaterThan(screen.getHeight() * 0.85);
        assertThat(FxWait.read(sheet::getY)).isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(FxWait.read(() -> sheet.getY() + sheet.getHeight())).isLessThanOrEqualTo(screen.getMaxY());
        // Scrolled to the end, the last shortcut registered is inside the viewport.
        Label last = FxWait.read(() -> grid.getChildren().stream().filter(Label.class::isInstance).map(Label.class::cast)
                .reduce((a, b) -> b).orElseThrow());
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxWait.read(() -> {
            javafx.geometry.Bounds shown = scroll.localToScene(scroll.getLayoutBounds());
            javafx.geometry.Bounds label = last.localToScene(last.getLayoutBounds());
            return label.getMinY() >= shown.getMinY() && label.getMaxY() <= shown.getMaxY();
        })).as("the last shortcut (%s) can be scrolled into view", FxWait.read(last::getText)).isTrue();
        // Under the list, which build this is, as a desktop application's About says (a bug report needs it).
        assertThat(FxWait.read(() -> robot.lookup("#shortcut-about").queryAs(Label.class).getText()))
                .matches("Evalbench \\d+\\.\\d+\\.\\d+\\S* · Java 17\\.\\d+\\.\\d+ · JavaFX 21\\.[0-9.]+")
                .startsWith("Evalbench " + dev.evalbench.core.run.AppInfo.appVersion() + " · ");

        // Typed at once: the find field has the keyboard. (TestFX types into the window it last clicked unless told.)
        robot.targetWindow(sheet).write("regression");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxWait.read(() -> grid.getChildren().stream().filter(Label.class::isInstance)
                .map(n -> ((Label) n).getText()).toList()))
                .containsExactly("Compare", "J", "Next regression", "K", "Previous regression");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxWait.read(sheet::isShowing)).as("Esc first clears the find field").isTrue();
        assertThat(FxWait.read(() -> robot.lookup("Show this list of shortcuts").tryQuery().isPresent()))
                .as("Show this list of shortcuts").isTrue();
        robot.push(KeyCode.ESCAPE);
        waitFor(5, TimeUnit.SECONDS, () -> !sheet.isShowing());
    }

    /**
     * A view whose closing work fails (a bug) loses nothing else: the other views keep theirs, the layout is saved,
     * and the failure is printed whole. A failure in closing reached JavaFX as "Exception in Application stop
     * method" (the launcher added "cannot open the workbench") and nothing was saved.
     */
    @Test
    void aViewThatFailsAsTheWindowClosesLosesNothingElse() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp).start();
        java.util.concurrent.atomic.AtomicBoolean otherKept = new java.util.concurrent.atomic.AtomicBoolean();
        robot.interact(() -> {
            fixture.workbench().window().atStop(() -> {
                throw new IllegalStateException("a view's bug");
            });
            fixture.workbench().window().atStop(() -> () -> otherKept.set(true));
            fixture.workbench().window().splitPanes().get("main").setDividerPositions(0.3, 0.6);
        });
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream was = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            fixture.stop();
            fixture = null;
            dev.evalbench.app.WorkbenchApp.awaitSettingsSaved();
        } finally {
            System.setErr(was);
        }
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("evalbench: could not keep what a view keeps as the workbench closed (a bug; please report it):")
                .contains("java.lang.IllegalStateException: a view's bug");
        assertThat(otherKept).isTrue();
        assertThat(new SettingsFile(temp.resolve("config/workbench.json")).load().dividers.get("main")[0])
                .isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.02));
    }

    /**
     * Ctrl+Shift+T (or the status bar's moon) switches the whole window to the dark theme and back, and the theme at
     * close is the next start's. The settings had a theme that nothing in the window could change.
     */
    @Test
    void ctrlShiftTSwitchesTheThemeAndTheNextStartKeepsIt() throws Exception {
        String light = new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet();
        String dark = new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet();
        try {
            fixture = WorkbenchFixture.ofSample(temp).start();
            javafx.scene.layout.Region root = (javafx.scene.layout.Region) fixture.stage.getScene().getRoot();
            assertThat(javafx.application.Application.getUserAgentStylesheet()).isEqualTo(light);
            assertThat(FxWait.read(() -> brightness(root))).isGreaterThan(0.8);

            robot.clickOn("#empty-centre-hint").push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
            waitFor(5, TimeUnit.SECONDS, () -> brightness(root) < 0.3);
            assertThat(javafx.application.Application.getUserAgentStylesheet()).isEqualTo(dark);
            assertThat(FxWait.read(() -> robot.lookup("#theme-switch").queryAs(javafx.scene.control.Button.class)
                    .getTooltip().getText())).isEqualTo("Light theme (Ctrl+Shift+T)");

            robot.clickOn("#theme-switch");
            waitFor(5, TimeUnit.SECONDS, () -> brightness(root) > 0.8);
            robot.clickOn("#theme-switch");
            waitFor(5, TimeUnit.SECONDS, () -> brightness(root) < 0.3);
            fixture.stop();
            fixture = null;
            dev.evalbench.app.WorkbenchApp.awaitSettingsSaved();
            assertThat(new SettingsFile(temp.resolve("config/workbench.json")).load().theme).isEqualTo("dark");
        } finally {
            // The style sheet is the toolkit's, shared with the tests after this one.
            robot.interact(() -> javafx.application.Application.setUserAgentStylesheet(light));
        }
    }

    /** How bright the window's background is drawn, 0 (black) to 1 (white). */
    private static double brightness(javafx.scene.layout.Region root) {
        var fills = root.getBackground() == null ? java.util.List.<javafx.scene.layout.BackgroundFill>of() : root.getBackground().getFills();
        return fills.isEmpty() || !(fills.get(0).getFill() instanceof javafx.scene.paint.Color c) ? -1 : c.getBrightness();
    }

    /**
     * Ctrl+B gives the left column's width to the tabs (a reviewer with a report folder and no workspace had a third
     * of the window blank beside a comparison that scrolled sideways), brings it back as wide as it was, and a
     * column hidden at close stays hidden.
     */
    @Test
    void ctrlBHidesTheWorkspaceColumnAndBringsItBackAsWide() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp).start();
        MainWindow window = fixture.workbench().window();
        robot.interact(() -> window.splitPanes().get("main").setDividerPositions(0.25, 0.7));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node tree = robot.lookup("#workspace-tree").query();
        javafx.scene.Node centre = window.tabs().getParent();
        double treeWidth = FxWait.read(() -> tree.getLayoutBounds().getWidth());
        double centreWidth = FxWait.read(() -> centre.getLayoutBounds().getWidth());
        assertThat(treeWidth).isGreaterThan(200);

        robot.clickOn("#empty-centre-hint").push(KeyCode.CONTROL, KeyCode.B);
        javafx.scene.layout.Region column = window.splitPanes().get("left");
        waitFor(5, TimeUnit.SECONDS, () -> column.getWidth() < 1);
        assertThat(window.leftColumnHidden()).isTrue();
        assertThat(FxWait.read(() -> centre.getLayoutBounds().getWidth())).isGreaterThan(centreWidth + treeWidth - 20);

        robot.push(KeyCode.CONTROL, KeyCode.B);
        waitFor(5, TimeUnit.SECONDS, () -> Math.abs(tree.getLayoutBounds().getWidth() - treeWidth) < 2);
        assertThat(window.dividers("main")[0]).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.01));

        robot.push(KeyCode.CONTROL, KeyCode.B);
        waitFor(5, TimeUnit.SECONDS, window::leftColumnHidden);
        fixture.stop();
        fixture = null;
        dev.evalbench.app.WorkbenchApp.awaitSettingsSaved();
        assertThat(new SettingsFile(temp.resolve("config/workbench.json")).load().dividers.get("main")[0]).isLessThan(0.005);
    }

    @Test
    void theLastWorkspaceAndTheSplitPositionsAreRememberedOnClose() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp).start();
        robot.interact(() -> fixture.workbench().window().splitPanes().get("main").setDividerPositions(0.3, 0.6));
        fixture.stop();
        fixture = null;
        // What the launcher waits for before the process exits (System.exit would cut a pending write short):
        // once it returns, the file is there.
        dev.evalbench.app.WorkbenchApp.awaitSettingsSaved();
        Path file = temp.resolve("config/workbench.json");
        assertThat(file).isRegularFile();
        WorkbenchSettings saved = new SettingsFile(file).load();
        assertThat(saved.lastWorkspace).isEqualTo(temp.resolve("support-triage").toAbsolutePath().normalize().toString());
        assertThat(saved.dividers.get("main")[0]).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void aWholeWidthTabPutsTheDetailPaneAsideAndTheLayoutSurvivesIt() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp).start();
        MainWindow window = fixture.workbench().window();
        javafx.scene.control.Tab plain = new javafx.scene.control.Tab("plain");
        javafx.scene.control.Tab wide = new javafx.scene.control.Tab("wide");
        MainWindow.wantsWholeWidth(wide);
        robot.interact(() -> {
            window.splitPanes().get("main").setDividerPositions(0.25, 0.6);
            window.tabs().getTabs().addAll(plain, wide);
            window.tabs().getSelectionModel().select(wide);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.detailShown()).isFalse();
        assertThat(robot.lookup("#empty-centre-hint").query().isVisible()).as("the no-tab hint behind an open tab").isFalse();
        assertThat(window.splitPanes().get("main").getDividers()).hasSize(1);
        assertThat(window.dividers("main")).hasSize(2);
        assertThat(window.dividers("main")[1]).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.02));

        robot.interact(() -> window.tabs().getSelectionModel().select(plain));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.detailShown()).isTrue();
        assertThat(window.splitPanes().get("main").getDividerPositions()[1]).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.02));

        // Closed while the wide tab is selected: the remembered layout still has the detail pane where it was.
        robot.interact(() -> window.tabs().getSelectionModel().select(wide));
        fixture.stop();
        fixture = null;
        Path file = temp.resolve("config/workbench.json");
        waitFor(5, TimeUnit.SECONDS, () -> Files.isRegularFile(file));
        assertThat(new SettingsFile(file).load().dividers.get("main")).hasSize(2);
        assertThat(new SettingsFile(file).load().dividers.get("main")[1]).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.02));
    }
}
