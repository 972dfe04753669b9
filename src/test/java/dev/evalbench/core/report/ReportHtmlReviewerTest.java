package dev.evalbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.compare.ComparisonBuilder;
import dev.evalbench.core.compare.RecordEdits;
import dev.evalbench.core.compare.RunComparison;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.report.html.ReportHtml;
import dev.evalbench.core.report.model.ReportContent;
import dev.evalbench.core.report.model.SignerName;
import dev.evalbench.core.run.CaseRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What report.html gives a reviewer beyond the numbers: each flipped and failing case with its input, long
 * lists and long diffs folded, and the signer and approvers named.
 */
class ReportHtmlReviewerTest {
    @TempDir Path dir;

    @Test
    void aFlippedCaseShowsItsInputWithTheSystemPromptFoldedAndAFailingCaseToo() throws Exception {
        String html = Files.readString(ReportWriter.write(ReportFixture.withBaseline(), dir).html());

        String flips = section(html, "flips");
        assertThat(flips).contains("<div class=\"input\"><div class=\"label\">Input</div>")
                .contains("<pre class=\"input-text\">Ticket from Ana:\nI was charged twice for ORD-10421.</pre>")
                .contains("<details><summary>system prompt (48 characters)</summary><pre>You are the triage assistant of Northwind Goods.</pre></details>");
        // t003 fails in neither run but p001 (a timeout) and t002 fail in this one: both show their input.
        String failing = section(html, "failing");
        assertThat(count(failing, "<div class=\"label\">Input</div>")).isEqualTo(2);
    }

    @Test
    void beyondTwentyCasesTheRestOfEachListIsFolded() throws Exception {
        List<CaseRecord> before = new ArrayList<>();
        List<CaseRecord> after = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            String id = String.format("t%03d", i);
            before.add(CaseRecords.sample("run-base", "triage", id, true, 300));
            after.add(RecordEdits.withOutput(CaseRecords.sample("run-new", "triage", id, false, 300), "{\"category\":\"other" + i + "\"}"));
        }
        String html = render(ReportFixture.run("run-base", before), ReportFixture.run("run-new", after));

        String flips = section(html, "flips");
        assertThat(flips).contains("Flipped cases (25)");
        int fold = flips.indexOf("<details class=\"more\"><summary>5 more flipped cases</summary>");
        assertThat(fold).isPositive();
        assertThat(count(flips.substring(0, fold), "<article class=\"case\">")).isEqualTo(20);
        assertThat(count(flips.substring(fold), "<article class=\"case\">")).isEqualTo(5);
        String failing = section(html, "failing");
        int failFold = failing.indexOf("<details class=\"more\"><summary>5 more failing cases</summary>");
        assertThat(failFold).isPositive();
        assertThat(count(failing.substring(0, failFold), "<tr><td><code>")).isEqualTo(20);
        assertThat(count(failing.substring(failFold), "<tr><td><code>")).isEqualTo(5);
    }

    @Test
    void aDiffLongerThanFortyLinesIsFoldedAndAShortOneIsNot() throws Exception {
        String longText = IntStream.rangeClosed(1, 60).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String changed = longText.replace("line 30", "line thirty");
        StoredRun base = ReportFixture.run("run-base", List.of(
                RecordEdits.withOutput(CaseRecords.sample("run-base", "triage", "t001", true, 300), longText),
                CaseRecords.sample("run-base", "triage", "t002", true, 300)));
        StoredRun run = ReportFixture.run("run-new", List.of(
                RecordEdits.withOutput(CaseRecords.sample("run-new", "triage", "t001", false, 300), changed),
                RecordEdits.withOutput(CaseRecords.sample("run-new", "triage", "t002", false, 300), "short")));

        String flips = section(render(base, run), "flips");

        assertThat(count(flips, "<summary>diff of the outputs (")).isEqualTo(1);
        assertThat(flips).contains("<summary>diff of the outputs (60 lines)</summary><table class=\"diff\">");
        assertThat(flips).contains("<ins>thirty</ins>");
    }

    @Test
    void theSignerAndEachApproverAreNamedWithTheirKeyIdsAndAnUnsignedPageSaysSo() throws Exception {
        ReportContent content = ReportFixture.withBaseline();
        String signed = Files.readString(ReportWriter.write(content, dir,
                List.of(new SignerName("alice <ci>", "ed25519:0123456789abcdef", "0123456789abcdef" + "0".repeat(48)))).html());

        // The name the key carries, marked unverified (the page is not signed), with the key id and fingerprint.
        assertThat(section(signed, "signers")).contains("<li><span class=\"role\">Signed by</span> <strong>alice &lt;ci&gt;</strong>"
                + " (name unverified) key <code>ed25519:0123456789abcdef</code>, fingerprint <code>0123456789abcdef" + "0".repeat(48)
                + "</code></li>");
        String approved = ReportHtml.withApproval(ReportHtml.withApproval(signed, new SignerName("", "ed25519:1111111111111111")),
                new SignerName("carol", "ed25519:2222222222222222"));
        String signers = section(approved, "signers");
        // A key without a name: said so, and shown by its key (its fingerprint when known).
        assertThat(signers).containsSubsequence("Signed by", "alice", "Approved by", "a key without a name", "ed25519:1111111111111111",
                "Approved by", "carol", "ed25519:2222222222222222");
        assertThat(approved.replace(signers, "")).isEqualTo(signed.replace(section(signed, "signers"), ""));

        String unsigned = Files.readString(ReportWriter.write(content, dir.resolve("u")).html());
        assertThat(section(unsigned, "signers")).contains("Not signed when written");
        assertThat(ReportHtml.withApproval(unsigned, new SignerName("bob", "ed25519:1111111111111111"))).isEqualTo(unsigned);
    }

    private String render(StoredRun base, StoredRun run) throws Exception {
        RunComparison comparison = new ComparisonBuilder(base, run)
                .gates(ReportFixture.gates(base, null), ReportFixture.gates(run, base)).build();
        ReportContent content = new ReportContent(ReportCases.of(run), ReportFixture.gates(run, base), base, comparison, "evalbench test");
        return Files.readString(ReportWriter.write(content, dir.resolve(run.id() + System.nanoTime())).html());
    }

    /** The text of {@code <section id="ID">…</section>} (sections do not nest on the page). */
    static String section(String html, String id) {
        Matcher m = Pattern.compile("<section id=\"" + id + "\">.*?</section>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("section " + id).isTrue();
        return m.group();
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) n++;
        return n;
    }
}
