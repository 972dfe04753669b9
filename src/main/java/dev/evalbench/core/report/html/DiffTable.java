package dev.evalbench.core.report.html;

import dev.evalbench.core.compare.DiffRow;
import dev.evalbench.core.compare.DiffSegment;
import dev.evalbench.core.compare.OutputDiff;
import java.util.List;

/**
 * A side-by-side diff as an HTML table: line numbers and text of each side, removed lines tinted on the left,
 * added ones on the right, and within changed lines the changed words in {@code <del>}/{@code <ins>}. Long
 * diffs show only hunks with a few lines of context. All text escaped. Pure.
 */
final class DiffTable {
    static final int FULL_ROWS = 80;
    static final int CONTEXT = 3;

    private DiffTable() {}

    static void write(HtmlWriter html, OutputDiff diff, String beforeTitle, String afterTitle) {
        List<DiffRow> rows = diff.rows().size() <= FULL_ROWS ? diff.rows() : diff.hunks(CONTEXT);
        html.open("table", "class", "diff").open("colgroup")
                .open("col", "class", "ln").open("col").open("col", "class", "ln").open("col").close("colgroup");
        html.open("thead").open("tr").open("th", "colspan", "2").text(beforeTitle).close("th")
                .open("th", "colspan", "2").text(afterTitle).close("th").close("tr").close("thead").open("tbody");
        Integer previous = null;
        for (DiffRow row : rows) {
            if (previous != null && row.beforeLine() != null && row.beforeLine() > previous + 1) {
                html.open("tr").open("td", "class", "ln").text("…").close("td").open("td").close("td")
                        .open("td", "class", "ln").text("…").close("td").open("td").close("td").close("tr");
            }
            if (row.beforeLine() != null) previous = row.beforeLine();
            html.open("tr", "class", rowClass(row.kind()));
            cell(html, row.beforeLine(), row.before(), "l", "del", row.kind() == DiffRow.Kind.CHANGED);
            cell(html, row.afterLine(), row.after(), "r", "ins", row.kind() == DiffRow.Kind.CHANGED);
            html.close("tr").newline();
        }
        html.close("tbody").close("table");
    }

    private static void cell(HtmlWriter html, Integer line, List<DiffSegment> segments, String side, String mark, boolean words) {
        html.open("td", "class", "ln").text(line == null ? "" : line.toString()).close("td");
        html.open("td", "class", side);
        for (DiffSegment s : segments) {
            if (words && s.changed()) html.element(mark, s.text());
            else html.text(s.text());
        }
        html.close("td");
    }

    private static String rowClass(DiffRow.Kind kind) {
        return switch (kind) {
            case EQUAL -> "eq";
            case CHANGED -> "chg";
            case DELETED -> "del";
            case INSERTED -> "ins";
        };
    }
}
