package dev.evalbench.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.fx.TypeAhead;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys typed on the preview case's box: an id's beginning first, then anywhere in "suite / id"; a pause starts over. */
class CaseTypeAheadTest {
    private static final List<CaseChoice> CASES = List.of(choice("triage", "t001"), choice("triage", "t019"),
            choice("triage", "t190"), choice("safety", "p03"), choice("safety", "T1-probe"));

    private static CaseChoice choice(String suite, String id) {
        return new CaseChoice(suite, id, Map.of());
    }

    @Test
    void keysTypedTogetherNarrowToTheFirstIdThatBeginsWithThem() {
        TypeAhead<CaseChoice> typeAhead = new TypeAhead<>(CaseChoice::id, CaseChoice::toString);
        assertThat(typeAhead.type(CASES, "t", 0).id()).isEqualTo("t001");
        assertThat(typeAhead.type(CASES, "0", 100).id()).isEqualTo("t001");
        assertThat(typeAhead.type(CASES, "1", 200).id()).isEqualTo("t019");
        assertThat(typeAhead.type(CASES, "9", 300).id()).isEqualTo("t019");
        assertThat(typeAhead.type(CASES, "x", 400)).as("no case: the choice stays").isNull();
    }

    @Test
    void aPauseStartsANewTextAndASuiteNameFindsItsCases() {
        TypeAhead<CaseChoice> typeAhead = new TypeAhead<>(CaseChoice::id, CaseChoice::toString);
        assertThat(typeAhead.type(CASES, "t", 0).id()).isEqualTo("t001");
        assertThat(typeAhead.type(CASES, "p", TypeAhead.PAUSE_MS + 1).id()).isEqualTo("p03");
        assertThat(typeAhead.match(CASES, "T1").id()).as("ignoring case").isEqualTo("t190");
        assertThat(typeAhead.match(CASES, "safety / t").id()).isEqualTo("T1-probe");
        assertThat(typeAhead.match(CASES, " ")).isNull();
    }
}
