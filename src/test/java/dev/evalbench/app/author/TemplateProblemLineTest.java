package dev.evalbench.app.author;

import static dev.evalbench.app.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.FxWait;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;

/**
 * A template broken while typing, in the real window: said under the editor at its line before any save, that line
 * tinted in the text, a click on the message takes the caret there, and the fix (Ctrl+Z) clears both.
 */
@dev.evalbench.app.SharesFxToolkit
class TemplateProblemLineTest extends TriageWindowTestBase {

    @Test
    void aBrokenTagIsSaidAtItsLineWhichIsTintedAndOneClickAway() throws Exception {
        CodeArea area = openTriage();
        waitFor(10, TimeUnit.SECONDS, () -> area.getScene() != null && area.getScene().getFocusOwner() == area);
        caretAfter(area, "New ticket via");
        robot.write(" {{ oops");
        int brokenLine = FxWait.read(() -> area.getCurrentParagraph()) + 1;

        Label problem = robot.lookup("#file-problem").queryAs(Label.class);
        waitFor(10, TimeUnit.SECONDS, () -> problem.isVisible() && problem.getText().contains("template syntax error"));
        assertThat(FxWait.read(problem::getText)).startsWith("Line " + brokenLine + ": body line ");
        assertThat(tintedLines(area)).containsExactly(brokenLine);
        assertThat(FxWait.read(() -> area.getText())).as("nothing saved").contains("revision: 4\n");

        robot.interact(() -> area.moveTo(0));
        robot.clickOn(problem);
        waitFor(5, TimeUnit.SECONDS, () -> area.getCurrentParagraph() + 1 == brokenLine);

        robot.clickOn(area).push(KeyCode.CONTROL, KeyCode.Z);
        waitFor(10, TimeUnit.SECONDS, () -> !problem.isVisible() && !area.getText().contains("oops"));
        assertThat(tintedLines(area)).isEmpty();
    }

    /** The 1-based lines of the editor tinted as a problem's. */
    private List<Integer> tintedLines(CodeArea area) throws Exception {
        return FxWait.read(() -> IntStream.range(0, area.getParagraphs().size())
                .filter(i -> area.getParagraph(i).getParagraphStyle().contains("problem-line"))
                .mapToObj(i -> i + 1).toList());
    }
}
