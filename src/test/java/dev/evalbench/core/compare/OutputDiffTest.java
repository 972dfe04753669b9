package dev.evalbench.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.run.CaseRecords;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputDiffTest {
    @Test
    void aChangedLineMarksOnlyTheWordsThatDiffer() {
        OutputDiff diff = OutputDiff.between("category: billing\nreply: Sorry about the double charge, Ana.\n",
                "category: billing\nreply: Sorry for the double charge, Ana!\n");

        assertThat(diff.changed()).isTrue();
        DiffRow row = diff.rows().get(1);
        assertThat(row.kind()).isEqualTo(DiffRow.Kind.CHANGED);
        assertThat(changed(row.before())).containsExactly("about", ".");
        assertThat(changed(row.after())).containsExactly("for", "!");
        assertThat(row.beforeText()).isEqualTo("reply: Sorry about the double charge, Ana.");
        assertThat(row.afterText()).isEqualTo("reply: Sorry for the double charge, Ana!");
        assertThat(diff.rows().get(0).kind()).isEqualTo(DiffRow.Kind.EQUAL);
    }

    @Test
    void theWordDiffFormShowsRemovedAndAddedWordsInPlace() {
        OutputDiff diff = OutputDiff.between("Sorry about the double charge, Ana.", "Sorry for the charge, Ana!");

        assertThat(CompareText.wordDiff(diff.rows().get(0)))
                .isEqualTo("Sorry [-about-]{+for+} the [-double -]charge, Ana[-.-]{+!+}");
    }

    /** A decimal number changes whole: a limit of 0.10 raised to 1.00 read [-0-]{+1+}.[-10-]{+00+}. */
    @Test
    void aChangedDecimalNumberIsOneWord() {
        OutputDiff diff = OutputDiff.between("max_increase: 0.10, refund 12.50.", "max_increase: 1.00, refund 12.75.");

        assertThat(CompareText.wordDiff(diff.rows().get(0)))
                .isEqualTo("max_increase: [-0.10-]{+1.00+}, refund [-12.50-]{+12.75+}.");
    }

    @Test
    void extraLinesAreInsertedOrDeletedRowsWithLineNumbers() {
        OutputDiff diff = OutputDiff.between("a\nb\nc", "a\nc\nd");

        assertThat(diff.rows()).extracting(DiffRow::kind).containsExactly(
                DiffRow.Kind.EQUAL, DiffRow.Kind.DELETED, DiffRow.Kind.EQUAL, DiffRow.Kind.INSERTED);
        assertThat(diff.rows().get(1).beforeLine()).isEqualTo(2);
        assertThat(diff.rows().get(1).afterLine()).isNull();
        assertThat(diff.rows().get(3).afterLine()).isEqualTo(3);
        assertThat(diff.hunks(0)).hasSize(2);
    }

    @Test
    void identicalTextsHaveNoChange() {
        assertThat(OutputDiff.between("same\ntext", "same\ntext").changed()).isFalse();
    }

    @Test
    void jsonOutputsArePrettyPrintedWithSortedFieldsSoADiffIsPerField() {
        CaseRecord base = CaseRecords.sample("r1", "triage", "t001", true, 100);
        CaseRecord reordered = RecordEdits.withOutput(base,
                "{\"reply\":\"Sorry about the double charge, Ana.\",\"order_id\":\"ORD-10421\",\"action\":\"refund\","
                        + "\"priority\":\"low\",\"category\":\"billing\"}");

        String text = OutputText.of(reordered);
        OutputDiff diff = OutputDiff.between(OutputText.of(base), text);

        assertThat(text).startsWith("{\n  \"action\": \"refund\",\n  \"category\": \"billing\",");
        assertThat(diff.rows()).filteredOn(r -> r.kind() != DiffRow.Kind.EQUAL).singleElement()
                .satisfies(r -> {
                    assertThat(r.beforeText()).isEqualTo("  \"priority\": \"high\",");
                    assertThat(changed(r.after())).containsExactly("low");
                });
    }

    @Test
    void aProviderFailureDiffsAsANoOutputLine() {
        CaseRecord failed = CaseRecords.builder("r1", "triage", "t001")
                .failure(dev.evalbench.core.record.FailureKind.TIMEOUT).build();

        assertThat(OutputText.of(failed)).isEqualTo("[no output: TIMEOUT: openai: timed out after 30000 ms]");
    }

    /** 40,000 words on one line (a model that wrote at length), drawn from 50 with a seed: 152,000 characters. */
    private static String words(long seed) {
        return words(seed, 40_000);
    }

    private static String words(long seed, int count) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) text.append('w').append(random.nextInt(50)).append(' ');
        return text.toString().strip();
    }

    /**
     * Two long answers that differ throughout: Myers took 145 s on these word by word (and would take hours on a
     * route's 1 MB). The diff is given up within its bound and shows one change between the common start and end.
     */
    @Test
    void twoLongAnswersThatDifferThroughoutAreOneChangeBetweenTheirCommonStartAndEnd() {
        String a = words(1);
        String b = words(2);
        OutputDiff diff = OutputDiff.between("Dear customer, " + a + " Regards", "Dear customer, " + b + " Regards");

        DiffRow row = diff.rows().get(0);
        assertThat(diff.rows()).hasSize(1);
        assertThat(row.kind()).isEqualTo(DiffRow.Kind.CHANGED);
        assertThat(row.before()).containsExactly(new DiffSegment("Dear customer, ", false), new DiffSegment(a, true),
                new DiffSegment(" Regards", false));
        assertThat(row.after()).containsExactly(new DiffSegment("Dear customer, ", false), new DiffSegment(b, true),
                new DiffSegment(" Regards", false));
    }

    /** As long, with one word changed: within the bound, so word by word as ever. */
    @Test
    void twoLongAnswersThatDifferInOneWordStillDiffWordByWord() {
        String a = words(1);
        String b = a.replaceFirst("w\\d+ ", "changed ");

        DiffRow row = OutputDiff.between(a, b).rows().get(0);
        assertThat(changed(row.before())).containsExactly(a.substring(0, a.indexOf(' ')));
        assertThat(changed(row.after())).containsExactly("changed");
    }

    /** Answers of 2,000 words that share only their vocabulary are within the bound: word by word. */
    @Test
    void answersOf2000WordsThatShareOnlyTheirVocabularyStillDiffWordByWord() {
        DiffRow row = OutputDiff.between(words(1, 2_000), words(2, 2_000)).rows().get(0);

        assertThat(row.before()).hasSizeGreaterThan(1_000);
        assertThat(row.before()).filteredOn(segment -> !segment.changed()).isNotEmpty();
    }

    /** In Markdown (a pull-request comment holds 65,536 characters), a long line shows its start and its length. */
    @Test
    void theMarkdownDiffShowsTheStartOfALongLineAndItsLength() {
        String a = words(1);
        String lines = CompareMarkdown.diffLines(OutputDiff.between("{\n" + a + "\n}", "{\n" + words(2) + "\n}"));

        assertThat(lines).startsWith("  {\n- " + a.substring(0, CompareMarkdown.MAX_LINE_CHARS) + "… (" + String.format(
                java.util.Locale.ROOT, "%,d", a.length()) + " characters in all)\n+ ");
        assertThat(lines.length()).isLessThan(1_000);
    }

    /** Every hunk of a Markdown diff says the line it begins at, the first too when it is not the file's first line. */
    @Test
    void theMarkdownDiffPlacesEveryHunk() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 30; i++) before.append("line ").append(i).append('\n');
        String after = before.toString().replace("line 12\n", "line twelve\n").replace("line 25\n", "line 25b\n");

        String lines = CompareMarkdown.diffLines(OutputDiff.between(before.toString(), after));

        assertThat(lines).startsWith("@@ line 10 @@\n  line 10\n  line 11\n- line 12\n+ line twelve\n")
                .contains("\n@@ line 23 @@\n  line 23\n");
        assertThat(CompareMarkdown.diffLines(OutputDiff.between("a\nb\n", "a\nc\n"))).startsWith("  a\n- b\n+ c\n");
    }

    /** In a terminal (and a CI log), each run of words shows its first 1,000 characters and its length. */
    @Test
    void theTerminalWordDiffShowsTheStartOfALongRunOfWordsAndItsLength() {
        String a = words(1);
        String b = words(2);
        DiffRow row = OutputDiff.between("Dear customer, " + a, "Dear customer, " + b).rows().get(0);

        assertThat(CompareText.wordDiff(row)).isEqualTo("Dear customer, [-" + a.substring(0, CompareText.MAX_SEGMENT_CHARS)
                + String.format(java.util.Locale.ROOT, "… (%,d characters in all)-]{+", a.length())
                + b.substring(0, CompareText.MAX_SEGMENT_CHARS)
                + String.format(java.util.Locale.ROOT, "… (%,d characters in all)+}", b.length()));
    }

    /** Lines too: 40,000 lines against 40,000 others share only their first and last. */
    @Test
    void longTextsOfDifferentLinesAreOneChangedBlock() {
        String a = "{\n" + words(3).replace(' ', '\n') + "\n}";
        String b = "{\n" + words(4).replace(' ', '\n') + "\n}";

        OutputDiff diff = OutputDiff.between(a, b);
        assertThat(diff.rows().get(0).kind()).isEqualTo(DiffRow.Kind.EQUAL);
        assertThat(diff.rows().get(diff.rows().size() - 1).kind()).isEqualTo(DiffRow.Kind.EQUAL);
        assertThat(diff.rows().subList(1, diff.rows().size() - 1)).hasSize(40_000)
                .allSatisfy(r -> assertThat(r.kind()).isIn(DiffRow.Kind.CHANGED));
    }

    private static List<String> changed(List<DiffSegment> segments) {
        return segments.stream().filter(DiffSegment::changed).map(DiffSegment::text).toList();
    }
}
