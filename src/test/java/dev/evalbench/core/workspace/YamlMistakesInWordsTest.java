package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slips every author of a workspace file makes, each said with what to do about it, not in the parser's words. */
class YamlMistakesInWordsTest {
    @TempDir Path dir;

    /**
     * The mistakes every YAML author makes once are said in the author's words, with how to fix them, not in the
     * parser's token names ("expected <block end>, but found '<block mapping start>'", "found character '\t(TAB)'
     * that cannot start any token", "mapping values are not allowed here").
     */
    @Test
    void commonYamlMistakesAreSaidInTheAuthorsWordsWithTheFix() {
        assertThat(routesError("    script: models/triage-rules.yaml", "   script: models/triage-rules.yaml"))
                .isEqualTo("5: this line is indented unlike the lines above it: the block ended, but a key follows; indent it"
                        + " as its neighbours are (in the block of keys that starts at line 2)");
        assertThat(routesError("    script: models/triage-rules.yaml", "    - script: models/triage-rules.yaml"))
                .isEqualTo("5: a list item ('- ') stands among keys: remove the '- ', or put the list under a key of its own"
                        + " (in the block of keys that starts at line 3)");
        assertThat(routesError("    model: triage-rules-v1", "\tmodel: triage-rules-v1"))
                .isEqualTo("4: found a tab character: YAML indents with spaces, never tabs");
        assertThat(routesError("    model: triage-rules-v1", "    model: triage: rules"))
                .isEqualTo("4: a ': ' inside a value starts a new key, which is not allowed here: put the value in quotes");
        assertThat(routesError("    params: {temperature: 0, max_tokens: 400}", "    params: [0"))
                .isEqualTo("13: '[' is not closed: expected ',' or ']', but got ':' (in the [ ] list that starts at line 12)");
        // Found where the file ends, whatever its length.
        assertThat(routesError("    model: triage-rules-v1", "    model: \"triage-rules-v1"))
                .endsWith(": found the end of the file before it was closed (in the quoted text that starts at line 4)");
    }

    /** A slip of the keyboard in a key or a fixed value is answered with the name meant, before the whole list. */
    @Test
    void aMistypedKeyOrValueIsAnsweredWithTheNameMeant() {
        Path root = FixtureWorkspace.copyTo(dir.resolve("typos"));
        FixtureWorkspace.replace(root, "routes.yaml", "    provider: scripted ", "    provider: scriptd ");
        FixtureWorkspace.replace(root, "routes.yaml", "    timeout_ms: 30000", "    timeuot_ms: 30000");
        List<String> said = FixtureWorkspace.loadFailure(root).errors().stream().map(InputError::message).toList();
        assertThat(said).anySatisfy(m -> assertThat(m).startsWith("\"provider\" must be one of: scripted, ")
                .endsWith("; found string \"scriptd\" (did you mean scripted?)"));
        assertThat(said).anySatisfy(m -> assertThat(m).startsWith("unknown key \"timeuot_ms\" in route \"openai\" (did you mean"
                + " timeout_ms? expected one of: provider, model, "));
        // Nothing near: the list alone.
        Path other = FixtureWorkspace.copyTo(dir.resolve("far"));
        FixtureWorkspace.replace(other, "routes.yaml", "    timeout_ms: 30000", "    xyzzy: 30000");
        assertThat(FixtureWorkspace.loadFailure(other).errors()).extracting(InputError::message)
                .anySatisfy(m -> assertThat(m).startsWith("unknown key \"xyzzy\" in route \"openai\" (expected one of: "));
    }

    /** "LINE: MESSAGE" of the first error of the sample with {@code from} replaced by {@code to} in routes.yaml. */
    private String routesError(String from, String to) {
        Path root = FixtureWorkspace.copyTo(dir.resolve("case" + to.hashCode()));
        FixtureWorkspace.replace(root, "routes.yaml", from, to);
        InputError err = FixtureWorkspace.loadFailure(root).errors().get(0);
        assertThat(err.file()).isEqualTo("routes.yaml");
        return err.line() + ": " + err.message().replace("YAML syntax error: ", "");
    }
}
