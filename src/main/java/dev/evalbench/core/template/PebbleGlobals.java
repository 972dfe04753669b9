package dev.evalbench.core.template;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.lexer.LexerImpl;
import io.pebbletemplates.pebble.lexer.Token;
import java.io.StringReader;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pebble defines a few global variables ({@code locale}, {@code template}, {@code _context}) beneath the case's
 * vars, so a template using {@code {{ locale }}} would quietly print "en" for a case that lacks it. Strict
 * rendering must not: this finds the root references to those names in a template (with Pebble's own lexer,
 * so string literals and attributes like {@code customer.locale} do not count, nor names the template assigns
 * with {@code set} or {@code for}), and the renderer requires the case to define each of them.
 */
final class PebbleGlobals {
    private static final Set<String> GLOBALS = Set.of("locale", "template", "_context");

    private PebbleGlobals() {}

    /** Global names the template reads as variables, each with the first line it does so. */
    static Map<String, Integer> readBy(PebbleEngine engine, String source) {
        LexerImpl lexer = new LexerImpl(engine.getSyntax(), engine.getExtensionRegistry().getUnaryOperators().values(),
                engine.getExtensionRegistry().getBinaryOperators().values());
        List<Token> tokens = lexer.tokenize(new StringReader(source), "template").getTokens();
        Map<String, Integer> read = new LinkedHashMap<>();
        Set<String> assigned = new HashSet<>();
        boolean inForTargets = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Token previous = i > 0 ? tokens.get(i - 1) : null;
            if (token.test(Token.Type.NAME, "for") && previous != null && previous.test(Token.Type.EXECUTE_START)) {
                inForTargets = true;
                continue;
            }
            if (inForTargets && (token.test(Token.Type.NAME, "in") || token.test(Token.Type.OPERATOR, "in"))) {
                inForTargets = false;
                continue;
            }
            if (token.getType() != Token.Type.NAME || !GLOBALS.contains(token.getValue())) continue;
            boolean attribute = previous != null && previous.test(Token.Type.PUNCTUATION, ".");
            boolean setTarget = previous != null && previous.test(Token.Type.NAME, "set");
            if (inForTargets || setTarget) {
                assigned.add(token.getValue());
            } else if (!attribute && !assigned.contains(token.getValue())) {
                read.putIfAbsent(token.getValue(), token.getLineNumber());
            }
        }
        return read;
    }
}
