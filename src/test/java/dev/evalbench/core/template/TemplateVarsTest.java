package dev.evalbench.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateVarsTest {
    @Test
    void convertsJsonToPlainJavaValues() throws Exception {
        ObjectNode node = (ObjectNode) new ObjectMapper().readTree(
                "{\"s\": \"x\", \"i\": 3, \"d\": 1.5, \"b\": true, \"n\": null, \"list\": [1, \"two\"], \"obj\": {\"k\": \"v\"}}");

        Map<String, Object> vars = TemplateVars.of(node);

        assertThat(vars).containsEntry("s", "x").containsEntry("i", 3).containsEntry("d", 1.5).containsEntry("b", true)
                .containsEntry("n", null).containsEntry("list", Arrays.asList(1, "two")).containsEntry("obj", Map.of("k", "v"));
        assertThat(vars.keySet()).containsExactly("s", "i", "d", "b", "n", "list", "obj");
        assertThat(vars.get("list")).isInstanceOf(List.class);
    }
}
