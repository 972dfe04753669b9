package dev.evalbench.core.report.html;

import dev.evalbench.core.report.model.RollbackTarget;
import java.util.Map;

/**
 * The rollback target of report.html, as report.md names it: the baseline run's prompt, policy and route, the
 * command that restores its behaviour-deciding files (run in the workspace folder; a sentence when no git commit
 * was recorded) and, folded, each file with its SHA-256. A reviewer reading the page had no way to see what the
 * change would be undone to. Nothing is written without a baseline. Pure.
 */
final class RollbackSection {
    private RollbackSection() {}

    static void write(HtmlWriter html, RollbackTarget t) {
        if (t == null) return;
        html.open("section", "id", "rollback").element("h2", "Rollback target");
        html.open("p").text("Baseline run ").element("code", t.runId()).text(": prompt ").element("code", String.valueOf(t.promptId()))
                .text(" revision " + t.promptRevision() + hash(t.promptHash()) + ", policy revision " + t.policyRevision()
                        + hash(t.policyHash()) + ", route ").element("code", String.valueOf(t.route()))
                .text(t.model() == null ? "." : " (model " + t.model() + ").").close("p");
        if (t.gitCommit() == null) {
            html.element("p", "Restore: " + t.restore() + ".");
        } else {
            html.element("p", "Restore, in the workspace folder:");
            html.element("pre", t.restore(), "class", "restore");
        }
        html.open("details").element("summary", "the " + t.files().size() + " files and their SHA-256");
        html.open("div", "class", "wide").open("table").open("thead").open("tr").element("th", "file").element("th", "sha256")
                .close("tr").close("thead").open("tbody");
        for (Map.Entry<String, String> f : t.files().entrySet()) {
            html.open("tr").open("td").element("code", f.getKey()).close("td").open("td").element("code", f.getValue()).close("td").close("tr");
        }
        html.close("tbody").close("table").close("div").close("details");
        html.close("section").newline();
    }

    private static String hash(String sha) {
        return sha == null ? "" : " (sha256 " + RollbackTarget.shortSha(sha) + ")";
    }
}
