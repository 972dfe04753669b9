package dev.evalbench.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.fx.SameThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line under the editor says whose fix a missing variable is: the chosen case's, when other cases define it,
 * or the template's, when no case of the prompt does (as {@code validate} names it at the template's line). The
 * editor's view model on a copy of the sample in which one ticket, t002, has an order note.
 */
class UndefinedSummaryTest {
    @TempDir Path temp;
    private TemplateEditorModel editor;

    @BeforeEach
    void open() throws Exception {
        Path ws = dev.evalbench.cli.Cli.copySample(temp);
        Path tickets = ws.resolve("datasets/tickets.jsonl");
        String text = Files.readString(tickets);
        String withNote = text.replaceFirst("(\\{\"id\": ?\"t002\", ?\"vars\": ?\\{)", "$1\"order_note\": \"gift wrap\", ");
        assertThat(withNote).isNotEqualTo(text);
        Files.writeString(tickets, withNote);
        editor = new TemplateEditorModel(new SameThreadTaskRunner(), ws, TemplateEditorModelTest.FILE, Map.of());
        editor.open();
    }

    private void type(String from, String to) {
        TemplateEditorModelTest.type(editor, from, to);
    }

    @Test
    void aVariableOnlyAnotherCaseDefinesIsTheChosenCasesToLack() {
        type("New ticket via {{ channel }}.", "New ticket via {{ channel }}. {{ order_note }}");

        assertThat(editor.chosenCaseProperty().get().id()).isEqualTo("t001");
        assertThat(editor.undefinedSummaryProperty().get()).matches("Not defined by case t001: order_note \\(line \\d+\\)");

        editor.chosenCaseProperty().set(editor.cases().get(1));
        editor.analyze();
        assertThat(editor.undefinedSummaryProperty().get()).isEmpty();
    }

    @Test
    void aVariableNoCaseDefinesIsTheTemplatesToFix() {
        type("New ticket via {{ channel }}.", "New ticket via {{ channel }}. {{ supplier_country }}");

        assertThat(editor.undefinedSummaryProperty().get())
                .matches("Not defined by any of the 159 cases: supplier_country \\(line \\d+\\)");
    }

    @Test
    void bothKindsAtOnceAreToldApart() {
        type("New ticket via {{ channel }}.", "New ticket via {{ channel }}. {{ order_note }} {{ supplier_country }}");

        assertThat(editor.undefinedSummaryProperty().get()).matches("Not defined by case t001: order_note \\(line (\\d+)\\),"
                + " supplier_country \\(line \\1, nor by any other case\\)");
    }
}
