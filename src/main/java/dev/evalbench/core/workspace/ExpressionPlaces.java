package dev.evalbench.core.workspace;

import dev.evalbench.core.cel.ExpressionException;

/**
 * Places a problem inside a CEL expression at its line and column in the YAML file that holds it: the
 * expression's own position offset by where its scalar starts (past the opening quote of a quoted scalar,
 * on the content lines of a {@code |} block). Exact for expressions on one line and for literal blocks;
 * for a quoted scalar with escapes or a folded multi-line scalar the column is approximate (the line is
 * right). Pure.
 */
final class ExpressionPlaces {
    private ExpressionPlaces() {}

    static InputError error(LocatedTree tree, String text, String pointer, ExpressionException e, String what) {
        String message = what + ": " + e.getMessage();
        SourceLocation v = tree.valueAt(pointer);
        String[] lines = text.split("\n", -1);
        if (e.line() <= 0 || v.line() <= 0 || v.line() > lines.length) return tree.errorAt(pointer, message);
        String first = lines[v.line() - 1];
        char opener = v.column() - 1 < first.length() ? first.charAt(v.column() - 1) : ' ';
        int line;
        int column;
        if (opener == '|' || opener == '>') {
            line = v.line() + e.line();
            column = line <= lines.length ? indent(lines[line - 1]) + e.column() : 0;
        } else if (e.line() == 1) {
            boolean quoted = opener == '\'' || opener == '"';
            line = v.line();
            column = v.column() + (quoted ? 1 : 0) + e.column() - 1;
        } else {
            line = v.line() + e.line() - 1;
            column = line <= lines.length ? indent(lines[line - 1]) + e.column() : 0;
        }
        return new InputError(tree.file(), line, Math.max(column, 0), message);
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        return i;
    }
}
