package dev.evalbench.core.report.html;

import dev.evalbench.core.eval.JudgeAgreement;
import dev.evalbench.core.gate.ci.JudgeWording;
import dev.evalbench.core.record.ScoredCase;
import java.util.List;

/**
 * The judges table of report.html: per suite and model-graded judge, its outcome counts, mean score and
 * agreement with human labels, in the words of every other output ({@link JudgeWording}). Nothing is
 * written for a run without judges. Pure.
 */
final class JudgeSection {
    private JudgeSection() {}

    static void write(HtmlWriter html, List<? extends ScoredCase> cases) {
        List<JudgeAgreement> judges = JudgeAgreement.of(cases);
        if (judges.isEmpty()) return;
        html.open("section", "id", "judges").element("h2", "Judges");
        html.open("div", "class", "wide").open("table", "class", "judges").open("thead").open("tr");
        html.element("th", "judge");
        for (String h : new String[] {"pass", "fail", "judge errors", "not judged", "mean score"}) html.element("th", h, "class", "num");
        html.element("th", "agreement with people");
        html.close("tr").close("thead").open("tbody");
        for (JudgeAgreement a : judges) {
            html.open("tr");
            html.element("td", a.suite() + "/" + a.judge());
            html.element("td", String.valueOf(a.passed()), "class", "num");
            html.element("td", String.valueOf(a.failed()), "class", "num");
            html.element("td", String.valueOf(a.errors()), "class", "num");
            html.element("td", String.valueOf(a.noOutput()), "class", "num");
            html.element("td", JudgeWording.number(a.meanScore()), "class", "num");
            html.element("td", JudgeWording.agreement(a));
            html.close("tr").newline();
        }
        html.close("tbody").close("table").close("div");
        html.element("p", "Kappa: agreement beyond chance between the judge and human labels (1 perfect, 0 chance); "
                + "pass/fail compares verdicts, weighted kappa compares scores. Judges do not change a case's own verdict.", "class", "meta");
        html.close("section").newline();
    }
}
