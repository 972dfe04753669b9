package dev.evalbench.core.template;

import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.error.RootAttributeNotFoundException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Pebble's exceptions into {@link TemplateException}s worded for prompt authors:
 * {@code prompts/triage.yaml: body line 3: variable "customer.name" is not defined}. Pebble wraps a missing
 * variable inside {@code if} conditions, so the cause chain is searched for the real reason.
 */
final class TemplateErrors {
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private TemplateErrors() {}

    /** @param variables the case's variables, to suggest one near a mistyped name (empty when compiling) */
    static TemplateException of(String file, String part, String source, PebbleException e, Set<String> variables) {
        int line = lineOf(e);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ParserException parse) {
                SyntaxMessage.Worded worded = SyntaxMessage.of(parse.getPebbleMessage(), source, line);
                return new TemplateException(file, part, worded.line(), TemplateException.SYNTAX_ERROR + worded.problem(), e);
            }
        }
        return new TemplateException(file, part, line, problem(e, source, line, variables), e);
    }

    /**
     * "variable "tikcet" is not defined (did you mean ticket?)": the suggestion from {@code variables} (the case's),
     * when one is near.
     */
    static String notDefined(String name, Set<String> variables) {
        String near = dev.evalbench.core.text.NearestNames.didYouMean(name, variables).trim();
        return "variable \"" + name + "\" is not defined" + (near.isEmpty() ? "" : " (" + near + ")");
    }

    private static String problem(PebbleException e, String source, int line, Set<String> variables) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RootAttributeNotFoundException root) {
                return notDefined(root.getAttributeName(), variables);
            }
            if (t instanceof AttributeNotFoundException attribute) {
                if (attribute.getPebbleMessage().startsWith("Index out of bounds")) {
                    return "index " + attribute.getAttributeName() + " is out of range";
                }
                return "variable \"" + fullName(attribute.getAttributeName(), source, line) + "\" is not defined";
            }
        }
        return "template error: " + e.getPebbleMessage();
    }

    private static int lineOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PebbleException pebble && pebble.getLineNumber() != null && pebble.getLineNumber() > 0) {
                return pebble.getLineNumber();
            }
        }
        return 0;
    }

    /**
     * Pebble names only the last attribute ("name"); the dotted path it ends ("customer.name") is taken from
     * the template line when exactly one such path is there, else the attribute alone is named.
     */
    private static String fullName(String attribute, String source, int line) {
        String[] lines = source.split("\n", -1);
        if (line < 1 || line > lines.length) return attribute;
        Set<String> paths = new LinkedHashSet<>();
        Matcher m = DOTTED.matcher(lines[line - 1]);
        while (m.find()) {
            if (m.group().endsWith("." + attribute)) paths.add(m.group());
        }
        return paths.size() == 1 ? paths.iterator().next() : attribute;
    }
}
