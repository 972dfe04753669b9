package dev.evalbench.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

/** Which words of a configuration file are keys and comments, as its editor colours them. */
@dev.evalbench.app.SharesFxToolkit
class ConfigHighlighterTest {
    @Test
    void yamlKeysAtAnyDepthAndInFlowMappingsAndCommentsOutsideQuotes() {
        String text = "revision: 2   # raised\nlimits:\n  max_refund_amount: 200\n"
                + "restricted_patterns:\n  - {name: card_number, regex: '\\b(?:\\d[ -]?){13,16}\\b'}\n"
                + "  - name: email   # not 'this: one'\n    reason: 'a refund: # not a comment'\n";

        assertThat(styled(text, true, ConfigHighlighter.KEY))
                .containsExactly("revision", "limits", "max_refund_amount", "restricted_patterns", "name", "regex", "name",
                        "reason");
        assertThat(styled(text, true, ConfigHighlighter.COMMENT)).containsExactly("# raised", "# not 'this: one'");
    }

    @Test
    void jsonMemberNamesAreKeysAndNothingIsAComment() {
        String text = "{\n  \"type\": \"object\",\n  \"properties\": {\"category\": {\"enum\": [\"a # b\"]}}\n}\n";

        assertThat(styled(text, false, ConfigHighlighter.KEY))
                .containsExactly("\"type\"", "\"properties\"", "\"category\"", "\"enum\"");
        assertThat(styled(text, false, ConfigHighlighter.COMMENT)).isEmpty();
    }

    /** The runs of {@code text} styled {@code kind}, in order. */
    private static List<String> styled(String text, boolean yaml, String kind) {
        StyleSpans<Collection<String>> spans = ConfigHighlighter.styles(text, yaml);
        List<String> found = new ArrayList<>();
        int at = 0;
        for (StyleSpan<Collection<String>> span : spans) {
            if (span.getStyle().contains(kind)) found.add(text.substring(at, at + span.getLength()));
            at += span.getLength();
        }
        return found;
    }
}
