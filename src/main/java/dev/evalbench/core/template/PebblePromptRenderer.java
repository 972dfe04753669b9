package dev.evalbench.core.template;

import dev.evalbench.core.record.Message;
import dev.evalbench.core.workspace.PromptTemplate;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strict prompt rendering with Pebble (Jinja syntax): an undefined variable, attribute or index is a
 * {@link TemplateException} naming it, the file and the line within the part ("body line 3"); never an empty
 * string. Autoescaping is off (prompts are not HTML) and, as in Jinja, the line break after a tag is kept.
 * Compiled templates are cached by source text (bounded), so rendering 10,000 cases compiles each part once.
 * Thread-safe: one instance serves every worker.
 */
public final class PebblePromptRenderer implements PromptRenderer {
    private static final int MAX_CACHED = 512;

    private final PebbleEngine engine = new PebbleEngine.Builder()
            .loader(new StringLoader())
            .strictVariables(true)
            .autoEscaping(false)
            .newLineTrimming(false)
            .cacheActive(false)
            .build();
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    /** A compiled part and the Pebble globals it reads (see {@link PebbleGlobals}), by first line. */
    private record Compiled(PebbleTemplate template, Map<String, Integer> globalsRead) {}

    @Override
    public List<Message> render(PromptTemplate template, Map<String, Object> vars) throws TemplateException {
        List<Message> messages = new ArrayList<>(2);
        if (template.system() != null) {
            messages.add(new Message("system", render(template.file(), "system", template.system(), vars)));
        }
        messages.add(new Message("user", render(template.file(), "body", template.body(), vars)));
        return List.copyOf(messages);
    }

    @Override
    public void compile(PromptTemplate template) throws TemplateException {
        if (template.system() != null) compiled(template.file(), "system", template.system());
        compiled(template.file(), "body", template.body());
    }

    private String render(String file, String part, String source, Map<String, Object> vars) throws TemplateException {
        Compiled template = compiled(file, part, source);
        for (Map.Entry<String, Integer> global : template.globalsRead().entrySet()) {
            if (!vars.containsKey(global.getKey())) {
                throw new TemplateException(file, part, global.getValue(),
                        TemplateErrors.notDefined(global.getKey(), vars.keySet()), null);
            }
        }
        StringWriter out = new StringWriter(source.length() * 2);
        try {
            // a copy: {% set %} writes into the top scope, which must not be the caller's map
            template.template().evaluate(out, new HashMap<>(vars));
        } catch (PebbleException e) {
            throw TemplateErrors.of(file, part, source, e, vars.keySet());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
        }
        return out.toString();
    }

    private Compiled compiled(String file, String part, String source) throws TemplateException {
        Compiled cached = compiled.get(source);
        if (cached != null) return cached;
        Compiled template;
        try {
            template = new Compiled(engine.getLiteralTemplate(source), PebbleGlobals.readBy(engine, source));
        } catch (PebbleException e) {
            throw TemplateErrors.of(file, part, source, e, java.util.Set.of());
        }
        // templates being edited live produce many versions; a full reset is rare and cheap to recover from
        if (compiled.size() >= MAX_CACHED) compiled.clear();
        compiled.put(source, template);
        return template;
    }
}
