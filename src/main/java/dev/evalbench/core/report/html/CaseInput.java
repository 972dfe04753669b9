package dev.evalbench.core.report.html;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.Message;
import java.util.List;

/**
 * A case's input as the model received it: the messages of its rendered prompt, the case's own (user)
 * messages shown and the system prompt, the same for every case, folded. The record reaches the page already
 * masked ({@code OutboundMask}: restricted values, restricted patterns and API keys), like its output; this
 * class adds nothing unmasked. All text escaped. Pure.
 */
final class CaseInput {
    private CaseInput() {}

    static void write(HtmlWriter html, CaseRecord r) {
        List<Message> messages = r.messages() == null ? List.of() : r.messages();
        html.open("div", "class", "input").element("div", "Input", "class", "label");
        if (messages.isEmpty()) {
            html.element("p", "No prompt was recorded for this case.", "class", "meta").close("div");
            return;
        }
        StringBuilder own = new StringBuilder();
        StringBuilder system = new StringBuilder();
        for (Message m : messages) {
            StringBuilder into = "system".equals(m.role()) ? system : own;
            if (!into.isEmpty()) into.append("\n\n");
            if (!"system".equals(m.role()) && !"user".equals(m.role())) into.append('[').append(m.role()).append("] ");
            into.append(m.content());
        }
        if (!own.isEmpty()) html.element("pre", own.toString(), "class", "input-text");
        if (!system.isEmpty()) {
            html.open("details").element("summary", "system prompt (" + system.length() + " characters)")
                    .element("pre", system.toString()).close("details");
        }
        html.close("div");
    }
}
