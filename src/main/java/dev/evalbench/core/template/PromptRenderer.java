package dev.evalbench.core.template;

import dev.evalbench.core.record.Message;
import dev.evalbench.core.workspace.PromptTemplate;
import java.util.List;
import java.util.Map;

/**
 * Renders a prompt template strictly: a variable the case does not define is a {@link TemplateException}
 * naming it, never an empty string. Implementations are thread-safe and cache compiled templates.
 */
public interface PromptRenderer {
    /** The messages to send: system (when the template has one), then user. */
    List<Message> render(PromptTemplate template, Map<String, Object> vars) throws TemplateException;

    /**
     * Parses both parts without rendering, so a syntax error, which no case's variables change, is found once
     * rather than once per case; a later render uses what was parsed.
     */
    void compile(PromptTemplate template) throws TemplateException;
}
