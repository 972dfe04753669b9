package dev.evalbench.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EvalSetEditsTest {
    private static final String BEFORE = """
            {"id": "a", "vars": {"q": "one"}, "expected": {"label": "x"}, "tags": ["t"]}
            {"id": "b", "vars": {"q": "two"}, "expected": {"label": "y"}, "restricted": ["s@example.com"]}
            {"id": "c", "vars": {"q": "three"}, "expect": {"must_reject": true}}
            """;

    @Test
    void eachEditedCaseNamesTheFieldsThatChangedInAReadersWords() {
        String after = """
                {"id": "a", "vars": {"q": "one!"}, "expected": {"label": "z"}, "tags": ["t"]}

                {"id": "b", "vars": {"q": "two"}, "expected": {"label": "y"}, "restricted": ["t@example.com"], "blocking": false}
                {"id": "d", "vars": {"q": "four"}}
                """;
        assertThat(EvalSetEdits.between(bytes(BEFORE), bytes(after))).contains(
                "2 cases edited: a (input, expected), b (restricted values, blocking); 1 case added: d; 1 case removed: c");
    }

    @Test
    void theSameCasesInAnotherLayoutOrOrderDifferInNone() {
        String reordered = """
                {"id": "c", "expect": {"must_reject": true}, "vars": {"q": "three"}}
                {"id": "a", "vars": {"q": "one"}, "tags": ["t"], "expected": {"label": "x"}}
                {"id": "b",   "vars": {"q": "two"}, "expected": {"label": "y"}, "restricted": ["s@example.com"]}
                """;
        assertThat(EvalSetEdits.between(bytes(BEFORE), bytes(reordered)))
                .contains("no case differs (the file's layout or order changed)");
    }

    @Test
    void manyCasesAreNamedUpToTenAndTheRestCounted() {
        String many = IntStream.range(0, 13).mapToObj(i -> "{\"id\": \"n" + i + "\", \"vars\": {}}")
                .collect(Collectors.joining("\n"));
        assertThat(EvalSetEdits.between(bytes(""), bytes(many)))
                .contains("13 cases added: n0, n1, n2, n3, n4, n5, n6, n7, n8, n9 and 3 more");
    }

    @Test
    void nothingIsSaidWithoutBothFilesOrOfAFileThatIsNotCases() {
        assertThat(EvalSetEdits.between(Optional.empty(), bytes(BEFORE))).isEmpty();
        assertThat(EvalSetEdits.between(bytes(BEFORE), bytes("{\"id\": \"a\"}\nnot json\n"))).isEmpty();
        assertThat(EvalSetEdits.between(bytes(BEFORE), bytes("{\"vars\": {}}\n"))).as("no id").isEmpty();
    }

    private static Optional<byte[]> bytes(String text) {
        return Optional.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
