package dev.evalbench.core.gate.ci;

import dev.evalbench.core.eval.JudgeAgreement;
import dev.evalbench.core.record.ScoredCase;
import java.util.List;

/**
 * The "Judges" table of the CI summary and report.md: per suite and model-graded judge, its outcome counts,
 * mean score and agreement with human labels ({@link JudgeWording}). Nothing is written for a run without
 * judges. Pure.
 */
public final class JudgeMarkdown {
    private JudgeMarkdown() {}

    public static void append(StringBuilder md, List<? extends ScoredCase> cases) {
        List<JudgeAgreement> judges = JudgeAgreement.of(cases);
        if (judges.isEmpty()) return;
        md.append("### Judges\n\n| judge | pass | fail | judge errors | not judged | mean score | agreement with people |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (JudgeAgreement a : judges) {
            md.append("| ").append(MarkdownSummary.cell(a.suite() + "/" + a.judge())).append(" | ").append(a.passed())
                    .append(" | ").append(a.failed()).append(" | ").append(a.errors()).append(" | ").append(a.noOutput())
                    .append(" | ").append(JudgeWording.number(a.meanScore())).append(" | ")
                    .append(MarkdownSummary.cell(JudgeWording.agreement(a))).append(" |\n");
        }
        md.append('\n');
    }
}
