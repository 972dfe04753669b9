package dev.evalbench.core.report.html;

import dev.evalbench.core.report.model.ReportContent;
import dev.evalbench.core.report.model.RollbackTarget;
import dev.evalbench.core.report.model.RunSummary;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.gate.ci.UnansweredGates;
import dev.evalbench.core.gate.ci.VerdictCells;
import dev.evalbench.core.text.Counted;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import dev.evalbench.core.report.model.SignerName;

/**
 * report.html: one self-contained page with no script, no external style sheet, font or image, and no
 * network access (a Content-Security-Policy of {@code default-src 'none'} says so to the browser as well):
 * the verdict, the gates with values, thresholds, 95% intervals and p-values, the run's numbers with inline
 * SVG charts, the comparison with the baseline and side-by-side diffs of flipped cases, the failing cases, each
 * with its input, and what to roll back to; who signed and approved it.
 * Every string from a run is HTML-escaped ({@link Html}). Pure.
 */
public final class ReportHtml {
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private ReportHtml() {}

    /**
     * The page naming its signers.
     *
     * @param reportSha256 the SHA-256 of the report.json this page shows, named in the footer
     * @param signers the author first, then approvers; empty for an unsigned report
     * @param rollback what report.json names as the rollback target (null without a baseline)
     */
    public static String render(ReportContent content, String reportSha256, List<SignerName> signers, RollbackTarget rollback) {
        RunHeader header = content.run().header();
        HtmlWriter html = new HtmlWriter();
        html.markup("<!DOCTYPE html>\n").open("html", "lang", "en").open("head")
                .open("meta", "charset", "utf-8")
                .open("meta", "http-equiv", "Content-Security-Policy", "content", CSP)
                .open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .element("title", "Evalbench report: " + header.workspace() + " run " + content.run().id())
                .open("style").markup(ReportStyle.CSS).close("style").close("head").newline();
        html.open("body").open("main");
        writeHeader(html, content, rollback != null);
        SignersSection.write(html, signers);
        GateSection.write(html, content.gates(), content.run().unanswered());
        JudgeSection.write(html, content.run().judged());
        RunSummary summary = content.run().summary();
        SummarySection.write(html, summary, content.hasBaseline() ? RunSummary.of(content.baseline()) : null);
        if (content.hasBaseline()) {
            ChangesSection.write(html, content.comparison());
            CaseSections.writeFlips(html, content.comparison());
        }
        CaseSections.writeFailures(html, content.run());
        RollbackSection.write(html, rollback);
        html.open("footer").text(content.maskingNotice()).close("footer");
        html.open("footer").text(content.generator() + " · this page is a view of report.json (sha256 " + reportSha256
                + "), the file the signature covers.").close("footer");
        html.close("main").close("body").close("html").newline();
        return html.toString();
    }

    /**
     * A written page with one more approver named, for after {@code approve} added a signature to the envelope
     * (the page is not a signed file, so it may change); a page without a list of signers is returned as it is.
     */
    public static String withApproval(String page, SignerName approver) {
        return SignersSection.withApproval(page, approver);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** @param rollbackShown whether the page has a rollback section to link to (a baseline's versions were recorded) */
    private static void writeHeader(HtmlWriter html, ReportContent content, boolean rollbackShown) {
        RunHeader h = content.run().header();
        html.open("header").element("h1", "Eval report · " + h.workspace());
        html.open("div", "class", "meta").text("run ").element("code", content.run().id())
                .text(" · " + h.status().name().toLowerCase(Locale.ROOT) + " · started " + time(h.startedAt())
                        + (h.finishedAt() == null ? "" : " · finished " + time(h.finishedAt()))
                        + " · evalbench " + h.appVersion()
                        + (h.gitCommit() == null ? "" : " · commit " + h.gitCommit()));
        if (content.hasBaseline()) html.text(" · baseline ").element("code", content.baseline().id());
        html.close("div");
        long failed = content.gates().verdicts().stream().filter(v -> !v.passed()).count();
        int total = content.gates().verdicts().size();
        UnansweredGates unanswered = content.run().unanswered();
        boolean outage = unanswered.wholeRun();
        String routes = unanswered.routesHeadline(content.gates().verdicts());
        String verdict = outage ? Counted.capitalized(VerdictCells.outageHeadline(content.gates().verdicts()))
                : routes != null ? Counted.capitalized(routes)
                : content.passed() ? Counted.capitalized(Counted.allGatesPass(total, content.gates().notRun()))
                : Counted.gatesFailed(failed, total, content.gates().notRun());
        if (h.status() != RunStatus.COMPLETE) {
            verdict += " · the run is " + h.status().name().toLowerCase(Locale.ROOT) + " (" + content.run().count()
                    + " of " + Counted.cases(h.plannedCases()) + " stored)";
        }
        html.open("div", "class", content.passed() ? "verdict pass" : "verdict fail")
                .element("span", outage || routes != null ? "INCOMPLETE" : content.passed() ? "PASSED" : "FAILED",
                        "class", content.passed() ? "badge pass" : "badge fail")
                .text(verdict).close("div");
        // What happened to the run beside its cases (an outage, a breaker that opened), as the terminal says it.
        String slice = dev.evalbench.core.record.RunSlice.sentence(h.config());
        if (!slice.isEmpty()) html.open("p", "class", "run-event").element("strong", "Slice:").text(" " + slice).close("p");
        for (var line : dev.evalbench.core.record.EventWords.lines(h.status(), content.run().events())) {
            html.open("p", "class", "run-event").element("strong", line.event().kind() + ":").text(" " + line.words())
                    .close("p");
        }
        html.open("nav").open("a", "href", "#gates").text("Gates").close("a").open("a", "href", "#summary").text("Numbers").close("a");
        if (content.hasBaseline()) {
            html.open("a", "href", "#changes").text("What changed").close("a").open("a", "href", "#flips").text("Flipped cases").close("a");
        }
        html.open("a", "href", "#failing").text("Failing cases").close("a");
        if (rollbackShown) html.open("a", "href", "#rollback").text("Rollback target").close("a");
        html.close("nav").close("header").newline();
    }
}
