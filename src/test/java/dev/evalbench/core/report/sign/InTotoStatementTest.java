package dev.evalbench.core.report.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Digests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InTotoStatementTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void payloadIsTheCanonicalStatementWithSortedSubjects() throws Exception {
        ObjectNode predicate = (ObjectNode) MAPPER.readTree("{\"run_id\":\"r1\",\"gates\":{\"passed\":true}}");
        InTotoStatement statement = InTotoStatement.builder()
                .subject("report.json", A)
                .subject("prompts/triage.yaml", B)
                .predicate(predicate)
                .build();
        assertThat(new String(statement.payload(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"_type\":\"https://in-toto.io/Statement/v1\","
                        + "\"predicate\":{\"gates\":{\"passed\":true},\"run_id\":\"r1\"},"
                        + "\"predicateType\":\"https://evalbench.dev/report/v1\","
                        + "\"subject\":[{\"digest\":{\"sha256\":\"" + B + "\"},\"name\":\"prompts/triage.yaml\"},"
                        + "{\"digest\":{\"sha256\":\"" + A + "\"},\"name\":\"report.json\"}]}");
        assertThat(statement.subjects()).extracting(StatementSubject::name).containsExactly("prompts/triage.yaml", "report.json");
    }

    @Test
    void parsesBackWhatItWrites(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cases.jsonl");
        Files.writeString(file, "{\"id\":1}\n");
        InTotoStatement statement = InTotoStatement.builder()
                .subjectContent("report.json", "{}".getBytes(StandardCharsets.UTF_8))
                .subjectFile("datasets/cases.jsonl", file)
                .predicate(MAPPER.readTree("{\"x\":1.5}"))
                .build();
        InTotoStatement parsed = InTotoStatement.parse(statement.payload());
        assertThat(parsed).isEqualTo(statement);
        assertThat(parsed.subject("datasets/cases.jsonl").sha256()).isEqualTo(Digests.sha256("{\"id\":1}\n"));
        assertThat(parsed.subject("report.json").sha256()).isEqualTo(Digests.sha256("{}"));
    }

    @Test
    void subjectNamesMustStayInsideTheWorkspace() {
        for (String bad : new String[] {"", "/etc/passwd", "../secrets.env", "prompts/../../x", "a//b", "./a", "a\\b", "a\nb"}) {
            assertThatThrownBy(() -> InTotoStatement.builder().subject(bad, A))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject name");
        }
        assertThatThrownBy(() -> InTotoStatement.builder().subject("report.json", "ABC"))
                .hasMessageContaining("64 lower-case hex digits");
    }

    @Test
    void statementNeedsUniqueSubjectsAndAnObjectPredicate() throws Exception {
        assertThatThrownBy(() -> InTotoStatement.builder().build()).hasMessageContaining("at least one subject");
        assertThatThrownBy(() -> InTotoStatement.builder().subject("a", A).subject("a", B).build())
                .hasMessageContaining("'a' is listed twice");
        assertThatThrownBy(() -> InTotoStatement.builder().predicate(MAPPER.readTree("[1]")))
                .hasMessageContaining("must be a JSON object");
    }

    @Test
    void parseRefusesWhatIsNotAStatement() {
        assertThatThrownBy(() -> parse("nope")).isInstanceOf(InvalidStatementException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parse("{\"_type\":\"https://in-toto.io/Statement/v0.1\",\"subject\":[],"
                + "\"predicateType\":\"p\",\"predicate\":{}}")).hasMessageContaining("_type");
        assertThatThrownBy(() -> parse(statementWith("[]"))).hasMessageContaining("non-empty array");
        assertThatThrownBy(() -> parse(statementWith("[{\"name\":\"../x\",\"digest\":{\"sha256\":\"" + A + "\"}}]")))
                .hasMessageContaining("must stay inside the workspace");
        assertThatThrownBy(() -> parse(statementWith("[{\"name\":\"x\",\"digest\":{\"sha512\":\"00\"}}]")))
                .hasMessageContaining("subject 1 has no sha256 digest");
        assertThatThrownBy(() -> parse(statementWith("[{\"name\":\"x\",\"digest\":{\"sha256\":\"" + A + "\"}},"
                + "{\"name\":\"x\",\"digest\":{\"sha256\":\"" + B + "\"}}]"))).hasMessageContaining("listed twice");
    }

    private static String statementWith(String subjects) {
        return "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":" + subjects
                + ",\"predicateType\":\"https://evalbench.dev/report/v1\",\"predicate\":{}}";
    }

    private static InTotoStatement parse(String json) throws InvalidStatementException {
        return InTotoStatement.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
