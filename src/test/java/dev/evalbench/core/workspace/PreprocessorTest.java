package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Digests;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreprocessorTest {
    @Test
    void appliesEachStepInOrder() {
        assertThat(new Preprocessor(List.of("trim")).process("\u00a0 a  b \n")).isEqualTo("a  b");
        assertThat(new Preprocessor(List.of("collapse_whitespace")).process(" a \t\n b\u2003c ")).isEqualTo(" a b c ");
        assertThat(new Preprocessor(List.of("lowercase")).process("ÀB İ")).isEqualTo("àb i̇");
        assertThat(new Preprocessor(List.of("strip_control")).process("a\u0000b\u0007c\td\ne")).isEqualTo("abc\td\ne");
        assertThat(new Preprocessor(List.of("strip_control", "collapse_whitespace", "trim")).process(" x\u0000 \n y ")).isEqualTo("x y");
    }

    @Test
    void leavesStringsThatNeedNothingAsTheyAre() {
        String clean = "already clean text";
        assertThat(new Preprocessor(List.of("trim", "collapse_whitespace", "strip_control")).process(clean)).isSameAs(clean);
    }

    @Test
    void rewritesEveryStringValueAtAnyDepthButNoKeys() throws Exception {
        ObjectNode vars = (ObjectNode) new ObjectMapper().readTree(
                "{\" Key \": \"  v \", \"n\": 5, \"list\": [\" a \", {\"deep\": \" b \"}], \"obj\": {\"x\": \" c \"}}");

        new Preprocessor(List.of("trim")).apply(vars);

        assertThat(vars.toString()).isEqualTo("{\" Key \":\"v\",\"n\":5,\"list\":[\"a\",{\"deep\":\"b\"}],\"obj\":{\"x\":\"c\"}}");
    }

    @Test
    void hashIsOfTheStepNamesJoinedByNewlines() {
        assertThat(new Preprocessor(List.of("trim", "lowercase")).hash()).isEqualTo(Digests.sha256("trim\nlowercase"));
        assertThat(new Preprocessor(List.of()).hash()).isEqualTo(Digests.sha256(""));
    }
}
