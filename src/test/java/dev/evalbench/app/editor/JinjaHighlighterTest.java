package dev.evalbench.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.service.UndefinedVariables;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

/** The editor's style classes, computed without a window. */
@dev.evalbench.app.SharesFxToolkit
class JinjaHighlighterTest {
    /** The text of each span with its classes, for spans that have any. */
    private static List<String> styled(String text, List<UndefinedVariables.Undefined> undefined) {
        StyleSpans<Collection<String>> spans = JinjaHighlighter.styles(text, undefined);
        List<String> out = new ArrayList<>();
        int at = 0;
        for (StyleSpan<Collection<String>> span : spans) {
            if (!span.getStyle().isEmpty()) out.add(text.substring(at, at + span.getLength()) + "=" + String.join("+", span.getStyle()));
            at += span.getLength();
        }
        assertThat(at).isEqualTo(text.length());
        return out;
    }

    @Test
    void marksKeysCommentsTagsExpressionsAndVariables() {
        String text = "# note\nbody: |\n  {% if vip %}{{ name }}{# hidden #}{% endif %}\n";
        assertThat(styled(text, List.of())).containsExactly("# note=yaml-comment", "body=yaml-key",
                "{% if =jinja-tag", "vip=jinja-tag+jinja-var", " %}=jinja-tag", "{{ =jinja-expr",
                "name=jinja-expr+jinja-var", " }}=jinja-expr", "{# hidden #}=jinja-comment", "{% endif %}=jinja-tag");
    }

    @Test
    void underlinesOnlyTheUndefinedVariable() {
        String text = "body: {{ a }} {{ nope }}";
        int start = text.indexOf("nope");
        List<String> spans = styled(text, List.of(new UndefinedVariables.Undefined("body", "nope", start, start + 4, 1, start + 1)));
        assertThat(spans).contains("a=jinja-expr+jinja-var", "nope=jinja-expr+jinja-var+undefined-var");
    }
}
