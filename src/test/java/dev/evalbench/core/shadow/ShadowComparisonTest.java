package dev.evalbench.core.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fields a shadow run is compared with production by, as its report lists them. */
class ShadowComparisonTest {
    private static final String JSON = "{\"category\":\"billing\",\"reply\":\"We refunded it.\"}";

    /**
     * One production answer of twenty was prose, not JSON: its row read "output differs 5.0%" beside
     * "output.reply differs 5.0%", as though a field of the JSON answers had differed. It is named for what it is.
     */
    @Test
    void anAnswerThatIsNotJsonIsItsOwnRowNamedSo() {
        List<ShadowAnswer> production = new ArrayList<>();
        List<ShadowAnswer> shadow = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "r" + i;
            production.add(ShadowAnswer.of(id, "valid", "reply", i == 7 ? "Sure! Here is the answer: billing." : JSON, 100, 0));
            shadow.add(ShadowAnswer.of(id, "valid", "reply", JSON, 100, 0));
        }

        ShadowComparison.Result result = ShadowComparison.compare(production, shadow, null,
                ShadowComparison.Margins.DEFAULTS);

        assertThat(result.fields()).extracting(FieldDifference::field)
                .containsExactly("validation", "decision", "output (not JSON)", "output.category", "output.reply");
        assertThat(result.fields()).filteredOn(f -> f.field().equals("output (not JSON)")).singleElement()
                .satisfies(f -> assertThat(f.candidateDiffers()).isEqualTo(1));
    }
}
