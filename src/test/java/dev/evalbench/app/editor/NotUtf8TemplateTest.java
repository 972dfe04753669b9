package dev.evalbench.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.fx.SameThreadTaskRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template saved as UTF-16 (Windows PowerShell's >) cannot be edited as text: the editor says what the file is and
 * what to do, where the JDK said "Input length = 1", and opens nothing it could save over the file.
 */
class NotUtf8TemplateTest {
    @TempDir Path temp;

    @Test
    void aUtf16TemplateIsSaidToBeUtf16() throws Exception {
        Path ws = dev.evalbench.cli.Cli.copySample(temp);
        Path template = ws.resolve(TemplateEditorModelTest.FILE);
        Files.write(template, Files.readString(template).getBytes(StandardCharsets.UTF_16));

        TemplateEditorModel editor =
                new TemplateEditorModel(new SameThreadTaskRunner(), ws, TemplateEditorModelTest.FILE, Map.of());
        editor.open();

        assertThat(editor.noticeProperty().get()).isEqualTo("Cannot read prompts/triage.yaml: it is UTF-16 text (it begins"
                + " with the byte-order mark FE FF, as Windows PowerShell's > and Notepad's \"Unicode\" write it), not UTF-8;"
                + " save the file as UTF-8");
        assertThat(editor.textProperty().get()).isEmpty();
        assertThat(editor.isDirty()).isFalse();

        // What is typed into the empty editor is not saved over the file.
        byte[] before = Files.readAllBytes(template);
        editor.textProperty().set("id: triage\nrevision: 4\nchangelog: \"x\"\noutput_schema: schemas/triage.schema.json\n"
                + "body: |\n  Hello\n");
        editor.changelogProperty().set("typed over a UTF-16 file");
        editor.save();
        assertThat(editor.noticeProperty().get()).startsWith("Not saved: it is UTF-16 text (it begins with the byte-order"
                + " mark FE FF");
        assertThat(Files.readAllBytes(template)).isEqualTo(before);
    }
}
