package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Semantic checks beyond the headline cases, and environment references in more shapes. */
class WorkspaceLoaderMoreErrorsTest {
    @TempDir Path dir;

    @Test
    void environmentReferencesResolveInsideLongerValuesAndEmptyMeansDefault() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "routes.yaml", "${OPENAI_BASE_URL:-https://api.openai.com/v1}",
                "http://${LLM_HOST:-127.0.0.1}:${LLM_PORT}/v1");

        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of("LLM_HOST", "", "LLM_PORT", "8081"));

        assertThat(ws.routes().get("openai").baseUrl()).isEqualTo("http://127.0.0.1:8081/v1");
    }

    @Test
    void malformedReferenceIsExplained() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "routes.yaml", "${OPENAI_MODEL:-gpt-4o-mini}", "${OPENAI MODEL}");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).isEqualTo("routes.yaml:10:12: malformed environment reference \"${OPENAI MODEL}\" "
                + "(expected ${NAME} or ${NAME:-default}, NAME of letters, digits and '_')");
    }

    @Test
    void duplicatePromptIdsNameTheOtherFile() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.write(root, "prompts/triage-v2.yaml",
                "id: triage\nrevision: 1\nchangelog: copy\noutput_schema: schemas/triage.schema.json\nbody: hi\n");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).isEqualTo("prompts/triage.yaml:1:5: duplicate prompt id \"triage\" (also in prompts/triage-v2.yaml)");
    }

    @Test
    void anOutputSchemaThatDoesNotCompileIsReportedInItsFile() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "schemas/triage.schema.json", "\"^ORD-\\\\d{5}$\"", "\"^ORD-(\\\\d{5}$\"");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.file()).isEqualTo("schemas/triage.schema.json");
            assertThat(err.message()).startsWith("the file cannot be compiled: ").contains("Unclosed group");
        });
    }

    /** A case written as a YAML list item: its '-' read as a number's sign said only "unexpected character ' '". */
    @Test
    void aCaseWrittenAsAYamlListItemSaysWhatJsonReadInIt() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.write(root, "datasets/probes.jsonl", "- {id: p01, vars: {ticket: hello}}\n");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).startsWith("datasets/probes.jsonl:1:2: not a JSON object: unexpected character ' ' after '-'"
                + " (JSON reads '-' as the sign of a number); a line of a .jsonl file is one JSON object, {\"id\": …}, not a YAML"
                + " list item");
    }

    @Test
    void anOutputSchemaThatIsNotJsonSaysWhere() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "schemas/triage.schema.json", "\"required\": [", "'required': [");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).isEqualTo("schemas/triage.schema.json:5:3: not valid JSON: unexpected character ''' "
                + "(JSON strings and keys use double quotes)");
    }

    @Test
    void safetyProbesMayNotCarryExpectedValuesNorTaskCasesExpectations() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "datasets/probes.jsonl", "\"blocking\": false", "\"expected\": {\"action\": \"reply\"}");
        FixtureWorkspace.replace(root, "datasets/tickets.jsonl", "\"tags\": [\"shipping\"]", "\"tags\": [\"shipping\"], \"blocking\": true");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).extracting(InputError::message).containsExactly(
                "case \"t002\": \"blocking\" is for safety suites; suite \"triage\" is a task suite",
                "case \"p002\": \"expected\" is for task suites; suite \"safety\" is a safety suite (use \"expect\")");
    }

    @Test
    void comparingGatesNeedAThresholdAndAlphaNeedsSignificantMode() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "gates.yaml", "{id: schema, kind: schema_pass_rate, min: 0.99}", "{id: schema, kind: schema_pass_rate, alpha: 0.1}");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).extracting(InputError::toString).containsExactly(
                "gates.yaml:2:5: gate \"schema\" needs \"min\", \"baseline_tolerance\" or both",
                "gates.yaml:2:42: \"alpha\" applies only with mode: significant (gate \"schema\")");
    }

    @Test
    void scriptedAnswersMayOnlyUseDeclaredCaptures() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "models/triage-rules.yaml", "\"order_id\":${order_id},\"reply\":\"Your parcel",
                "\"order_id\":${order},\"reply\":\"Your parcel");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).isEqualTo("models/triage-rules.yaml:9:13: answer uses ${order} but there is no capture "
                + "named \"order\" (captures: order_id)");
    }

    @Test
    void aWhollyBrokenDatasetStopsAfterFiftyErrors() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.write(root, "datasets/probes.jsonl", "nope\n".repeat(80));

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).hasSize(DatasetReader.MAX_ERRORS + 1);
        assertThat(e.errors().get(DatasetReader.MAX_ERRORS).toString())
                .isEqualTo("datasets/probes.jsonl:51: stopped checking after 50 errors in this file; fix these and validate again");
    }

    @Test
    void duplicateKeysOnOneDatasetLineNameTheColumnOfBoth() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "datasets/probes.jsonl", "\"blocking\": false", "\"blocking\": false, \"blocking\": true");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).matches("datasets/probes\\.jsonl:2:\\d+: not a JSON object: duplicate key \"blocking\" \\(first at column \\d+\\)");
    }
}
