package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Undefined variables are placed in the YAML file's own text, so an editor of the whole file can mark them. */
class UndefinedVariablesTest {
    private static final String TEXT = "id: t\nrevision: 1\nsystem: Hello {{ who }}\nbody: |\n  Hi {{ customer.name }},\n  {{ nope }} and {{ ticket }}\n";

    @Test
    void placesEachUndefinedVariableAtItsLineAndColumnInTheFile() throws Exception {
        List<UndefinedVariables.Undefined> found = UndefinedVariables.in("p.yaml", TEXT,
                Map.of("ticket", "x", "customer", Map.of("tier", "plus")));
        assertThat(found).extracting(UndefinedVariables.Undefined::path).containsExactly("who", "customer.name", "nope");
        for (UndefinedVariables.Undefined u : found) {
            assertThat(TEXT.substring(u.start(), u.end())).isEqualTo(u.path());
        }
        assertThat(found.get(2).line()).isEqualTo(6);
        assertThat(found.get(2).column()).isEqualTo(6);
        assertThat(found.get(0).part()).isEqualTo("system");
    }

    @Test
    void aCaseThatDefinesEverythingLeavesNothingMarked() throws Exception {
        assertThat(UndefinedVariables.in("p.yaml", TEXT, Map.of("who", 1, "ticket", "x", "nope", "",
                "customer", Map.of("name", "Ann")))).isEmpty();
    }
}
