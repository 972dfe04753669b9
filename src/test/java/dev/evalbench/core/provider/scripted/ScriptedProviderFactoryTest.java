package dev.evalbench.core.provider.scripted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.provider.ModelProvider;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.workspace.RouteSpec;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import dev.evalbench.core.workspace.WorkspaceFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptedProviderFactoryTest {
    private static final String RULES = """
            rules:
              - when: 'hello'
                answer: 'hi'
                latency_ms: 250
            default:
              answer: 'what?'
            """;

    /** Files held in memory, as a run snapshot would hold them. */
    private record MemoryFiles(Map<String, String> files) implements WorkspaceFiles {
        @Override
        public String describe() {
            return "memory";
        }

        @Override
        public byte[] read(String relativePath) throws IOException {
            String text = files.get(relativePath);
            if (text == null) throw new NoSuchFileException(relativePath);
            return text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public boolean exists(String relativePath) {
            return files.containsKey(relativePath);
        }

        @Override
        public List<String> list(String relativeDir) {
            return files.keySet().stream().filter(p -> p.startsWith(relativeDir + "/")).sorted().toList();
        }
    }

    private static Workspace workspace(Map<String, String> files) {
        return new Workspace("demo", "", new MemoryFiles(files), "offline", List.of(), "", List.of(), Map.of(),
                Map.of(), null, List.of(), Map.of());
    }

    private static RouteSpec route(String provider, String script, ObjectNode params) {
        return new RouteSpec("offline", provider, "rules-v1", null, null, script, params, null, null, List.of(), null,
                null, null);
    }

    private static ModelRequest hello() {
        return new ModelRequest("rules-v1", List.of(new Message("user", "hello there")), null, null, null, 0);
    }

    @Test
    void buildsAProviderFromTheRouteScript() throws Exception {
        ModelProvider provider = new ScriptedProviderFactory()
                .create(route("scripted", "models/rules.yaml", null), workspace(Map.of("models/rules.yaml", RULES)), Map.of());

        ModelResponse response = provider.complete(hello());

        assertThat(response.text()).isEqualTo("hi");
        assertThat(response.modelReported()).isEqualTo("rules-v1");
        assertThat(response.latencyMs()).isEqualTo(250);
    }

    @Test
    void realtimeParamMakesTheProviderWait() throws Exception {
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("realtime", true);
        ModelProvider provider = new ScriptedProviderFactory()
                .create(route("scripted", "models/rules.yaml", params), workspace(Map.of("models/rules.yaml", RULES)), Map.of());

        // An interrupted thread shows that the provider waits without timing anything.
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> provider.complete(hello()))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CANCELLED));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aNonBooleanRealtimeIsRejected() {
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("realtime", "yes");

        assertThatThrownBy(() -> new ScriptedProviderFactory()
                .create(route("scripted", "models/rules.yaml", params), workspace(Map.of("models/rules.yaml", RULES)), Map.of()))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("params.realtime");
    }

    @Test
    void aMissingScriptOrFileNamesTheRoute() {
        ScriptedProviderFactory factory = new ScriptedProviderFactory();

        assertThatThrownBy(() -> factory.create(route("scripted", null, null), workspace(Map.of()), Map.of()))
                .isInstanceOf(ProviderException.class)
                .hasMessage("route offline: a scripted route needs `script`, the path of its rules file");
        assertThatThrownBy(() -> factory.create(route("scripted", "models/gone.yaml", null), workspace(Map.of()), Map.of()))
                .isInstanceOf(ProviderException.class)
                .hasMessage("route offline: models/gone.yaml does not exist in memory");
    }

    @Test
    void aBadModelFileKeepsItsInputErrorsAsTheCause() {
        Map<String, String> files = Map.of("models/rules.yaml", "rules:\n  - when: '[a-'\n    answer: x\ndefault: {answer: y}\n");

        assertThatThrownBy(() -> new ScriptedProviderFactory()
                .create(route("scripted", "models/rules.yaml", null), workspace(files), Map.of()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.INTERNAL);
                    assertThat(e.getMessage()).startsWith("route offline: models/rules.yaml:2:");
                    assertThat(e.getCause()).isInstanceOfSatisfying(WorkspaceException.class,
                            w -> assertThat(w.errors()).singleElement().satisfies(err -> assertThat(err.line()).isEqualTo(2)));
                });
    }

    @Test
    void refusesRoutesOfAnotherProvider() {
        assertThatThrownBy(() -> new ScriptedProviderFactory()
                .create(route("openai", "models/rules.yaml", null), workspace(Map.of("models/rules.yaml", RULES)), Map.of()))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("not `scripted`");
    }
}
