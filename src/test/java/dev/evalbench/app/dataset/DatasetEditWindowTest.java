package dev.evalbench.app.dataset;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import dev.evalbench.app.WindowTestBase;
import dev.evalbench.app.WorkbenchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** An author relabels a case and adds one in the dataset's tab of the real window, and the file and table follow. */
@dev.evalbench.app.SharesFxToolkit
class DatasetEditWindowTest extends WindowTestBase {

    @Test
    void aCaseIsRelabelledAndANewOneAddedInTheDatasetsTab() throws Exception {
        Path file = temp.resolve("support-triage/datasets/tickets.jsonl");
        TableView<?> table = theSamplesTickets();
        List<String> was = Files.readAllLines(file);

        // t002 from the table's menu: its line as the file holds it, indented, to type in.
        robot.clickOn("#dataset-filter").write("t002");
        waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.clickOn(visibleRow());
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        FxWait.waitUntilShown(robot, "#dataset-edit-case-menu", 10, TimeUnit.SECONDS);
        robot.clickOn("#dataset-edit-case-menu");
        TextArea text = robot.lookup("#case-edit-text").queryAs(TextArea.class);
        waitFor(5, TimeUnit.SECONDS, () -> text.isVisible() && text.getText().contains("\"id\": \"t002\""));
        assertThat(label("#case-edit-heading")).isEqualTo("Case t002 · datasets/tickets.jsonl, line 2");
        String original = FxWait.read(text::getText);
        String category = original.replaceAll("(?s).*\"expected\": \\{\\s*\"category\": \"([a-z]+)\".*", "$1");

        // A label the output schema does not allow is refused in the loader's words; the file is not touched.
        String labelled = "\"category\": \"" + category + "\"";
        robot.interact(() -> text.setText(original.replace(labelled, "\"category\": \"billingg\"")));
        robot.clickOn("#case-edit-save");
        waitFor(10, TimeUnit.SECONDS, () -> !label("#case-edit-error").isEmpty());
        assertThat(label("#case-edit-error")).startsWith("Not saved: case \"t002\": expected \"category\" is \"billingg\"")
                .contains("allows \"billing\"");
        assertThat(Files.readAllLines(file)).isEqualTo(was);

        // Text that is no JSON says where, and the caret goes there: line 3 of the edit, the stray comma.
        robot.interact(() -> text.setText(original.replace("\"vars\": {", "\"vars\": {,")));
        robot.clickOn("#case-edit-save");
        waitFor(10, TimeUnit.SECONDS, () -> label("#case-edit-error").startsWith("Not saved: line 3, column "));
        String typed = FxWait.read(() -> text.getText());
        int thirdLine = typed.indexOf('\n', typed.indexOf('\n') + 1) + 1;
        assertThat(FxWait.read(() -> text.getCaretPosition())).isBetween(thirdLine, typed.indexOf('\n', thirdLine));

        // Relabelled as the schema allows, and saved with Ctrl+S from the text: line 2 alone changes.
        String relabel = "billing".equals(category) ? "account" : "billing";
        robot.interact(() -> text.setText(original.replace(labelled, "\"category\": \"" + relabel + "\"")));
        robot.clickOn("#case-edit-text").press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitFor(10, TimeUnit.SECONDS, () -> label("#dataset-saved").startsWith("Saved t002 as line 2"));
        assertThat(label("#dataset-saved")).contains("suite triage says version \"2026.11.1\"");
        assertThat(robot.lookup("#case-edit").query().isVisible()).as("the edit closes once saved").isFalse();
        List<String> now = Files.readAllLines(file);
        assertThat(now.get(1)).contains("\"expected\": {\"category\": \"" + relabel + "\"");
        assertThat(now.subList(2, now.size())).isEqualTo(was.subList(2, was.size()));
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() -> table.getItems().size() == 1
                && ((DatasetRow) table.getItems().get(0)).expected().contains("\"category\":\"" + relabel + "\"")));
        // The edits done, the suite's eval set version is given anew from the tab: the next one is offered.
        robot.clickOn("#dataset-new-version");
        javafx.scene.control.TextField version =
                robot.lookup("#dataset-version-triage").queryAs(javafx.scene.control.TextField.class);
        assertThat(FxWait.read(() -> version.getText())).isEqualTo("2026.11.2");
        robot.clickOn("#dataset-version-save");
        Path manifest = temp.resolve("support-triage/evalbench.yaml");
        waitFor(10, TimeUnit.SECONDS,
                () -> label("#dataset-saved").equals("In evalbench.yaml suite triage now says version \"2026.11.2\"."));
        assertThat(Files.readString(manifest)).contains("version: \"2026.11.2\"");
        // Selected again, its detail shows the saved label.
        waitFor(5, TimeUnit.SECONDS, () -> FxWait.read(() -> table.getSelectionModel().getSelectedItem() != null
                && robot.lookup("#dataset-case-expected").tryQuery().isPresent()));
        assertThat(FxWait.read(() -> robot.lookup("#dataset-case-expected").queryAs(javafx.scene.text.Text.class).getText()))
                .contains("\"category\": \"" + relabel + "\"");

        // A new case (Insert, from the table): the first case's shape, every value empty, the next id; Esc drops it.
        robot.interact(table::requestFocus);
        robot.press(KeyCode.INSERT).release(KeyCode.INSERT);
        waitFor(5, TimeUnit.SECONDS, () -> text.isVisible() && text.getText().contains("\"id\": \"t128\""));
        assertThat(label("#case-edit-heading")).isEqualTo("New case · after the last line of datasets/tickets.jsonl");
        assertThat(FxWait.read(() -> text.getText()))
                .contains("\"ticket\": \"\"", "\"category\": \"\"", "\"reply-quality\": null")
                .doesNotContain("Hiroshi");
        robot.clickOn("#case-edit-text").press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#case-edit").query().isVisible());
        assertThat(Files.readAllLines(file)).hasSize(127);
        // F2 edits the selected case, as the button does.
        robot.interact(table::requestFocus);
        robot.press(KeyCode.F2).release(KeyCode.F2);
        waitFor(5, TimeUnit.SECONDS, () -> text.isVisible() && text.getText().contains("\"id\": \"t002\""));
        robot.clickOn("#case-edit-cancel");

        // Ctrl+D copies the selected case under the next id, every value kept, to edit into a variant.
        robot.interact(table::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        waitFor(5, TimeUnit.SECONDS, () -> text.isVisible() && text.getText().contains("\"id\": \"t128\""));
        assertThat(label("#case-edit-heading"))
                .isEqualTo("New case, a copy of t002 · after the last line of datasets/tickets.jsonl");
        assertThat(FxWait.read(() -> text.getText())).contains("\"category\": \"" + relabel + "\"");
        robot.clickOn("#case-edit-cancel");

        // Delete asks first; Cancel keeps the case, Delete removes its line.
        robot.interact(table::requestFocus);
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Delete case t002 from datasets/tickets.jsonl?").tryQuery().isPresent());
        robot.clickOn("Cancel");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readAllLines(file)).hasSize(127);
        robot.clickOn("#dataset-delete-case");
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Delete case t002 from datasets/tickets.jsonl?").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match((javafx.scene.control.Button b) -> "Delete".equals(b.getText()))
                .queryAs(javafx.scene.control.Button.class));
        waitFor(10, TimeUnit.SECONDS,
                () -> label("#dataset-saved").startsWith("Deleted t002 (line 2 of datasets/tickets.jsonl)."));
        List<String> after = Files.readAllLines(file);
        assertThat(after).hasSize(126);
        assertThat(after.subList(1, 126)).isEqualTo(was.subList(2, 127));
    }

    /** Typing in a case open to edit is not lost to a closed tab without asking; Cancel goes back to it. */
    @Test
    void closingTheTabOfACaseTypedInAsksFirst() throws Exception {
        theSamplesTickets();
        robot.clickOn("#dataset-add-case");
        TextArea text = robot.lookup("#case-edit-text").queryAs(TextArea.class);
        waitFor(5, TimeUnit.SECONDS, () -> text.isVisible() && text.getText().contains("\"id\": \"t128\""));
        robot.interact(() -> text.setText(text.getText().replace("\"ticket\": \"\"", "\"ticket\": \"Where is my parcel?\"")));

        robot.push(KeyCode.CONTROL, KeyCode.W);
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Discard the edit of the new case?").tryQuery().isPresent());
        robot.clickOn("Cancel");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxWait.read(() -> selectedTab().getText())).isEqualTo("tickets.jsonl (cases)");
        assertThat(FxWait.read(() -> text.getText())).contains("Where is my parcel?");

        robot.push(KeyCode.CONTROL, KeyCode.W);
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Discard").tryQuery().isPresent());
        robot.clickOn("Discard");
        waitFor(5, TimeUnit.SECONDS, () -> fixture.workbench().window().tabs().getTabs().isEmpty());
        assertThat(Files.readAllLines(temp.resolve("support-triage/datasets/tickets.jsonl"))).hasSize(127);
    }

    /**
     * Stopped with nobody to ask (a signal: the app stops as the fixture stops it, without the close request's
     * question), the workbench keeps the case typed in outside the workspace; the dataset's tab, reopened at the next
     * start, offers it, and Restore opens it under the table as it was typed, to save.
     */
    @Test
    void aCaseTypedInAtAStopIsKeptAndRestoredAtTheNextStart() throws Exception {
        TableView<?> table = theSamplesTickets();
        Path file = temp.resolve("support-triage/datasets/tickets.jsonl");
        List<String> was = Files.readAllLines(file);
        robot.clickOn("#dataset-filter").write("t002");
        waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.clickOn(visibleRow());
        robot.push(KeyCode.F2);
        TextArea text = robot.lookup("#case-edit-text").queryAs(TextArea.class);
        waitFor(5, TimeUnit.SECONDS, () -> text.isVisible() && text.getText().contains("\"id\": \"t002\""));
        String typed = FxWait.read(text::getText)
                .replaceFirst("\"ticket\": \"[^\"]*\"", "\"ticket\": \"Typed before the stop\"");
        robot.interact(() -> text.setText(typed));

        fixture.stop();
        dev.evalbench.app.WorkbenchApp.awaitSettingsSaved();
        try (var kept = Files.list(fixture.settings.resolveSibling("recovery"))) {
            assertThat(kept.toList()).singleElement().satisfies(k -> assertThat(Files.readString(k))
                    .contains("Typed before the stop", "\"line\":2"));
        }
        assertThat(Files.readAllLines(file)).isEqualTo(was);

        fixture.start();
        waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#kept-edits").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        assertThat(label("#kept-edits-text"))
                .startsWith("An unsaved edit of case t002 of datasets/tickets.jsonl was kept when the workbench was stopped at ");
        robot.clickOn("#kept-edits-restore");
        TextArea restored = robot.lookup("#case-edit-text").queryAs(TextArea.class);
        waitFor(10, TimeUnit.SECONDS, () -> restored.isVisible() && restored.getText().equals(typed));
        assertThat(label("#case-edit-heading")).isEqualTo("Case t002 · datasets/tickets.jsonl, line 2");
        assertThat(robot.lookup("#kept-edits").query().isVisible()).isFalse();
        TableView<?> reopened = robot.lookup("#dataset-table").queryAs(TableView.class);
        waitFor(10, TimeUnit.SECONDS, () -> FxWait.read(() ->
                reopened.getSelectionModel().getSelectedItem() instanceof DatasetRow r && r.id().equals("t002")));

        robot.clickOn("#case-edit-save");
        waitFor(10, TimeUnit.SECONDS, () -> label("#dataset-saved").startsWith("Saved t002 as line 2"));
        assertThat(Files.readAllLines(file).get(1)).contains("\"ticket\": \"Typed before the stop\"");
    }

    /**
     * A case broken outside the window (its closing brace lost) keeps the workspace from loading, so the table shows no
     * case: the problem, clicked in the Problems panel, opens that line to mend in the dataset's tab.
     */
    @Test
    void aBrokenLineIsMendedFromItsProblem() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp);
        Path file = fixture.workspace.resolve("datasets/tickets.jsonl");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        String whole = lines.get(4);
        lines.set(4, whole.substring(0, whole.length() - 1));
        Files.write(file, lines);
        fixture.start();
        waitFor(20, TimeUnit.SECONDS, () -> !fixture.workbench().session().problems().isEmpty());
        var problem = FxWait.read(() -> fixture.workbench().session().problems().get(0));
        assertThat(problem.toString()).startsWith("datasets/tickets.jsonl:5:");

        robot.clickOn(settled(listCell(t -> t.startsWith("datasets/tickets.jsonl:5:"))));
        TextArea text = robot.lookup("#case-edit-text").queryAs(TextArea.class);
        waitFor(10, TimeUnit.SECONDS, () -> text.isVisible() && text.getText().equals(lines.get(4)));
        assertThat(label("#case-edit-heading")).isEqualTo("Line 5 of datasets/tickets.jsonl");
        assertThat(label("#case-edit-error")).isEqualTo("The workspace reads: " + problem.message());
        // The caret is where the parser stopped: the line's end.
        assertThat(FxWait.read(text::getCaretPosition)).isEqualTo(problem.column() - 1);

        robot.write("}");
        robot.clickOn("#case-edit-save");
        TableView<?> table = robot.lookup("#dataset-table").queryAs(TableView.class);
        waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 127 && fixture.workbench().session().problems().isEmpty());
        assertThat(Files.readAllLines(file).get(4)).isEqualTo(whole);
        assertThat(label("#dataset-saved")).startsWith("Saved t005 as line 5 of datasets/tickets.jsonl.");
    }

    /** The sample's window, its tickets' tab opened from the tree once its 127 cases are read; their table. */
    private TableView<?> theSamplesTickets() throws Exception {
        fixture = WorkbenchFixture.ofSample(temp).start();
        waitFor(20, TimeUnit.SECONDS, () -> treeCell("tickets.jsonl") != null);
        dev.evalbench.app.DoubleClick.opening(robot, () -> treeCell("tickets.jsonl"),
                () -> selectedTab() != null && "tickets.jsonl (cases)".equals(selectedTab().getText()));
        TableView<?> table = robot.lookup("#dataset-table").queryAs(TableView.class);
        waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 127);
        return table;
    }

    private javafx.scene.Node visibleRow() {
        return robot.lookup("#dataset-table .table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> r.getItem() != null && r.isVisible())
                .queryAs(javafx.scene.Node.class);
    }

    private String label(String id) throws Exception {
        return FxWait.read(() -> robot.lookup(id).queryAs(Label.class).getText());
    }
}
