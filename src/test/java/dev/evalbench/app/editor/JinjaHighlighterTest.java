package dev.evalbench.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.service.UndefinedVariables;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

/** The editor's style classes, computed without a window; and the find bar's tint laid over them. */
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

    /** A file saved with a byte order mark (as Windows editors may) has its first key marked too: "id" was plain. */
    @Test
    void theFirstKeyAfterAByteOrderMarkIsAKey() {
        assertThat(styled("\uFEFFid: triage\nrevision: 4\n", List.of())).containsExactly("id=yaml-key", "revision=yaml-key");
    }

    @Test
    void underlinesOnlyTheUndefinedVariable() {
        String text = "body: {{ a }} {{ nope }}";
        int start = text.indexOf("nope");
        List<String> spans = styled(text, List.of(new UndefinedVariables.Undefined("body", "nope", start, start + 4, 1, start + 1)));
        assertThat(spans).contains("a=jinja-expr+jinja-var", "nope=jinja-expr+jinja-var+undefined-var");
    }

    @Test
    void theTintIsAddedOverTheTextsOwnStylesAndOverlapsMerge() {
        // "{{ ticket }} ticket": the first word styled as a variable by the highlighter.
        org.fxmisc.richtext.model.StyleSpansBuilder<java.util.Collection<String>> own =
                new org.fxmisc.richtext.model.StyleSpansBuilder<>();
        own.add(List.of(), 3).add(List.of("jinja-var"), 6).add(List.of(), 10);
        var tinted = FindTint.over(own.create(), List.of(new javafx.scene.control.IndexRange(3, 9),
                new javafx.scene.control.IndexRange(13, 19)));
        assertThat(tinted.stream().map(span -> span.getLength() + " " + span.getStyle()).toList())
                .containsExactly("3 []", "6 [jinja-var, find-match]", "4 []", "6 [find-match]");

        // "aaaa" finding "aa": 0-2, 1-3, 2-4 tint the whole text once; a range past the end (an older text) is left out.
        var plain = FindTint.over(FindTint.plain(4), List.of(new javafx.scene.control.IndexRange(0, 2),
                new javafx.scene.control.IndexRange(1, 3), new javafx.scene.control.IndexRange(2, 4),
                new javafx.scene.control.IndexRange(7, 9)));
        assertThat(plain.stream().map(span -> span.getLength() + " " + span.getStyle()).toList())
                .containsExactly("4 [find-match]");
        assertThat(FindTint.over(FindTint.plain(4), List.of())).isEqualTo(FindTint.plain(4));
    }
}
