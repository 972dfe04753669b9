package dev.evalbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.compare.OutputDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.evalbench.app.QuickRobot;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The two output panes, case after case: however a pane got to its text (only the lines that differ from the
 * previous case are replaced), it shows exactly what it shows for that case in fresh panes: each line's text,
 * its line style and its marked words.
 */
@dev.evalbench.app.SharesFxToolkit
class OutputPanesTest {
    private final FxRobot robot = QuickRobot.create();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static final String A = "{\n  \"category\": \"billing\",\n  \"order_id\": null,\n  \"priority\": \"high\",\n  \"reply\": \"We refund you.\"\n}";
    private static final String B = "{\n  \"category\": \"billing\",\n  \"order_id\": \"ORD-10421\",\n  \"priority\": \"high\",\n  \"reply\": \"We refund you today.\"\n}";
    private static final String C = "{\n  \"category\": \"shipping\",\n  \"order_id\": null,\n  \"priority\": \"low\",\n  \"extra\": 1,\n  \"reply\": \"On its way.\"\n}";
    private static final String D = "plain text answer\nsecond line";

    @Test
    void eachCaseLooksTheSameWhetherThePanesShowedAnotherCaseBeforeOrNot() {
        List<OutputDiff> cases = List.of(OutputDiff.between(A, B), OutputDiff.between(A, C), OutputDiff.between(B, B),
                OutputDiff.between(C, A), OutputDiff.between(D, A), OutputDiff.between("", D), OutputDiff.between(B, C));
        AtomicReference<OutputPanes> walked = new AtomicReference<>();
        robot.interact(() -> walked.set(new OutputPanes()));
        for (OutputDiff diff : cases) {
            List<List<String>> stepped = new ArrayList<>();
            List<List<String>> fresh = new ArrayList<>();
            robot.interact(() -> {
                walked.get().show(diff);
                OutputPanes once = new OutputPanes();
                once.show(diff);
                stepped.addAll(List.of(lines(walked.get().before), lines(walked.get().after)));
                fresh.addAll(List.of(lines(once.before), lines(once.after)));
            });
            assertThat(stepped).isEqualTo(fresh);
        }
        robot.interact(() -> walked.get().show(null));
        assertThat(walked.get().before.getText()).isEmpty();
    }

    @Test
    void aChangedLineIsTintedOnBothSidesAndItsChangedWordsMarked() {
        AtomicReference<OutputPanes> panes = new AtomicReference<>();
        robot.interact(() -> {
            panes.set(new OutputPanes());
            panes.get().show(OutputDiff.between(A, C));
            panes.get().show(OutputDiff.between(A, B));
        });
        StyleClassedTextArea after = panes.get().after;
        assertThat(after.getParagraph(2).getText()).isEqualTo("  \"order_id\": \"ORD-10421\",");
        assertThat(after.getParagraph(2).getParagraphStyle()).containsExactly("line-changed");
        assertThat(panes.get().before.getParagraph(2).getParagraphStyle()).containsExactly("line-changed");
        assertThat(after.getStyleAtPosition(2, after.getParagraph(2).getText().indexOf("ORD") + 1)).contains("word-changed");
        assertThat(after.getStyleAtPosition(2, 3)).doesNotContain("word-changed");
        assertThat(after.getParagraph(1).getParagraphStyle()).isEmpty();
    }

    /** Each paragraph as text, its line style and each styled run ("style:text"). */
    private static List<String> lines(StyleClassedTextArea area) {
        List<String> out = new ArrayList<>();
        for (var p : area.getParagraphs()) {
            StringBuilder line = new StringBuilder(p.getText()).append(" | ").append(p.getParagraphStyle());
            int at = 0;
            for (var span : p.getStyleSpans()) {
                String text = p.getText().substring(at, at + span.getLength());
                if (!text.isEmpty()) line.append(" | ").append(span.getStyle()).append(':').append(text);
                at += span.getLength();
            }
            out.add(line.toString());
        }
        return out;
    }
}
