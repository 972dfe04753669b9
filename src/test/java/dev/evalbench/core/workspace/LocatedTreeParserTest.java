package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LocatedTreeParserTest {
    private static LocatedTree yaml(String text) throws SourceSyntaxException {
        return LocatedTreeParser.parseYaml("f.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recordsWhereEveryKeyAndValueStarts() throws Exception {
        LocatedTree tree = yaml("routes:\n  openai:\n    model: gpt\n    fallbacks: [a, b]\n");

        assertThat(tree.keyAt("/routes/openai/model")).isEqualTo(new SourceLocation(3, 5));
        assertThat(tree.valueAt("/routes/openai/model")).isEqualTo(new SourceLocation(3, 12));
        assertThat(tree.valueAt("/routes/openai/fallbacks/1")).isEqualTo(new SourceLocation(4, 20));
        assertThat(tree.valueAt("/routes/openai/nothing/here")).isEqualTo(new SourceLocation(3, 5));
    }

    @Test
    void keysWithSlashesAndTildesAreEscapedInPointers() throws Exception {
        LocatedTree tree = yaml("a/b: 1\nc~d: 2\n");

        assertThat(tree.valueAt("/a~1b")).isEqualTo(new SourceLocation(1, 6));
        assertThat(tree.valueAt("/c~0d")).isEqualTo(new SourceLocation(2, 6));
    }

    @Test
    void byteOrderMarkAndWindowsLineEndingsAreFine() throws Exception {
        LocatedTree tree = yaml("\uFEFFa: 1\r\nb: two\r\n");

        assertThat(tree.root().get("b").asText()).isEqualTo("two");
        assertThat(tree.valueAt("/b")).isEqualTo(new SourceLocation(2, 4));
    }

    @Test
    void aSecondDocumentIsRefused() {
        SourceSyntaxException e = catchThrowableOfType(SourceSyntaxException.class, () -> yaml("a: 1\n---\nb: 2\n"));

        assertThat(e.error().toString()).isEqualTo("f.yaml:3:1: a second YAML document starts here; a workspace file holds one document");
    }

    @Test
    void jsonLocationsAreShiftedToTheFileLine() throws Exception {
        LocatedTree tree = LocatedTreeParser.parseJson("d.jsonl", "{\"id\": \"t1\", \"vars\": {}}", 14);

        assertThat(tree.valueAt("/id")).isEqualTo(new SourceLocation(14, 8));
        assertThat(tree.keyAt("/vars")).isEqualTo(new SourceLocation(14, 14));
    }

    @Test
    void aDatasetLineIsLocatedOnlyWhenAsked() throws Exception {
        LocatedTree tree = LocatedTreeParser.parseJsonLine("d.jsonl", "{\"id\": \"t1\", \"n\": 1e999}", 3);

        assertThat(tree.root().get("id").asText()).isEqualTo("t1");
        assertThat(tree.valueAt("/n")).isEqualTo(new SourceLocation(3, 19));
    }
}
