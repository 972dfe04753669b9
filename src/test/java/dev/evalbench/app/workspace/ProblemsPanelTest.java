package dev.evalbench.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.QuickRobot;
import dev.evalbench.core.workspace.InputError;
import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The problems panel opens for a problem and gives its room back when the problem is fixed, unless the user chose. */
@dev.evalbench.app.SharesFxToolkit
class ProblemsPanelTest {
    private static final InputError BROKEN = new InputError("gates.yaml", 9, 5, "YAML syntax error: expected ',' or '}'");
    private final FxRobot robot = QuickRobot.create();
    private static final InputError REUSED = new InputError("prompts/triage.yaml", 2, 1,
            "its text differs from the one run run-1 used, but both say revision 4");
    private final ObservableList<InputError> problems = FXCollections.observableArrayList();
    private final ObservableList<InputError> warnings = FXCollections.observableArrayList();
    private final AtomicReference<ProblemsPanel> panel = new AtomicReference<>();
    private final AtomicReference<InputError> opened = new AtomicReference<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private ProblemsPanel panel() {
        robot.interact(() -> panel.set(new ProblemsPanel(problems, warnings, opened::set)));
        return panel.get();
    }

    @Test
    void itOpensForAProblemAndClosesWhenTheProblemIsFixed() {
        ProblemsPanel p = panel();
        assertThat(p.isExpanded()).isFalse();

        robot.interact(() -> problems.setAll(BROKEN));
        assertThat(p.isExpanded()).isTrue();
        assertThat(p.getText()).isEqualTo("Problems (1)");

        robot.interact(problems::clear);
        assertThat(p.isExpanded()).as("the emptied list gives its room back").isFalse();
        assertThat(p.getText()).isEqualTo("Problems (0)");
    }

    @Test
    void aWorkspaceOpenedWithProblemsShowsThemAndClosesTheListOnceFixed() {
        problems.setAll(BROKEN);
        ProblemsPanel p = panel();
        assertThat(p.isExpanded()).isTrue();

        robot.interact(problems::clear);
        assertThat(p.isExpanded()).isFalse();
    }

    @Test
    void theSameProblemsReadAgainKeepTheRowTheUserSelected() {
        ProblemsPanel p = panel();
        robot.interact(() -> problems.setAll(BROKEN, REUSED));
        var list = p.list;
        robot.interact(() -> list.getSelectionModel().select(1));
        // The watcher saw the file written twice: the same problems again, in new objects.
        robot.interact(() -> problems.setAll(new InputError(BROKEN.file(), BROKEN.line(), BROKEN.column(), BROKEN.message()),
                new InputError(REUSED.file(), REUSED.line(), REUSED.column(), REUSED.message())));
        assertThat(list.getSelectionModel().getSelectedIndex()).as("the row being clicked").isEqualTo(1);

        robot.interact(() -> problems.setAll(REUSED));
        assertThat(list.getItems()).extracting(ProblemsPanel.Row::error).containsExactly(REUSED);
    }

    /**
     * A problem is copied as its row says it (Ctrl+C, or the list's menu), and "Copy all" copies every row, one a
     * line; the menu's Open opens the problem's file as a click does.
     */
    @Test
    void aProblemIsCopiedAsItsRowSaysItAndCopyAllCopiesEveryRow() {
        ProblemsPanel p = panel();
        robot.interact(() -> {
            problems.setAll(BROKEN);
            warnings.setAll(REUSED);
            p.list.getSelectionModel().select(1);
            javafx.event.Event.fireEvent(p.list, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    javafx.scene.input.KeyCode.C, false, true, false, false));
        });
        assertThat(clipboard()).isEqualTo("warning: prompts/triage.yaml:2:1: its text differs from the one run run-1 used,"
                + " but both say revision 4");

        var menu = p.list.getContextMenu();
        robot.interact(() -> {
            p.list.getSelectionModel().select(0);
            item(menu, "problems-copy").fire();
        });
        assertThat(clipboard()).isEqualTo("gates.yaml:9:5: YAML syntax error: expected ',' or '}'");
        robot.interact(() -> item(menu, "problems-copy-all").fire());
        assertThat(clipboard()).isEqualTo("gates.yaml:9:5: YAML syntax error: expected ',' or '}'\n"
                + "warning: prompts/triage.yaml:2:1: its text differs from the one run run-1 used, but both say revision 4");
        robot.interact(() -> item(menu, "problems-open").fire());
        assertThat(opened.get()).isEqualTo(BROKEN);
    }

    private String clipboard() {
        AtomicReference<String> text = new AtomicReference<>();
        robot.interact(() -> text.set(javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        return text.get();
    }

    private static javafx.scene.control.MenuItem item(javafx.scene.control.ContextMenu menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void aPanelTheUserOpenedStaysOpenWhenTheProblemsAreFixed() {
        ProblemsPanel p = panel();
        robot.interact(() -> p.setExpanded(true));
        robot.interact(() -> problems.setAll(BROKEN));
        robot.interact(problems::clear);
        assertThat(p.isExpanded()).isTrue();
    }

    @Test
    void aPanelTheUserClosedAndOpenedAgainStaysOpen() {
        ProblemsPanel p = panel();
        robot.interact(() -> problems.setAll(BROKEN));
        robot.interact(() -> p.setExpanded(false));
        robot.interact(() -> p.setExpanded(true));
        robot.interact(problems::clear);
        assertThat(p.isExpanded()).isTrue();
    }

    /** A warning (the workspace runs) is listed after the errors, counted apart, and opens its file as an error does. */
    @Test
    void warningsFollowTheErrorsCountedApartAndOpenTheirLine() {
        ProblemsPanel p = panel();
        robot.interact(() -> warnings.setAll(REUSED));
        assertThat(p.isExpanded()).as("a warning is there to be read").isTrue();
        assertThat(p.getText()).isEqualTo("Problems (0) · 1 warning");

        robot.interact(() -> problems.setAll(BROKEN));
        assertThat(p.getText()).isEqualTo("Problems (1) · 1 warning");
        assertThat(p.list.getItems()).extracting(Object::toString).containsExactly(
                "gates.yaml:9:5: YAML syntax error: expected ',' or '}'",
                "warning: prompts/triage.yaml:2:1: its text differs from the one run run-1 used, but both say revision 4");

        robot.interact(() -> {
            p.list.getSelectionModel().select(1);
            p.list.getOnMouseClicked().handle(null);
        });
        assertThat(opened.get()).isEqualTo(REUSED);

        robot.interact(() -> {
            problems.clear();
            warnings.clear();
        });
        assertThat(p.isExpanded()).isFalse();
        assertThat(p.getText()).isEqualTo("Problems (0)");
    }
}
