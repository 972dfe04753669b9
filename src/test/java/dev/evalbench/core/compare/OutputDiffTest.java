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

    private static List<String> changed(List<DiffSegment> segments) {
        return segments.stream().filter(DiffSegment::changed).map(DiffSegment::text).toList();
    }
}
