package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each broken input names the file, the line (and column where it means something) and says what was expected. */
class WorkspaceLoaderErrorsTest {
    @TempDir Path dir;

    private Path workspace() {
        return FixtureWorkspace.copyTo(dir);
    }

    @Test
    void badYamlGivesTheProblemLineAndColumn() {
        Path root = workspace();
        FixtureWorkspace.replace(root, "routes.yaml", "model: triage-rules-v1", "model: [triage-rules-v1");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).first().satisfies(err -> {
            assertThat(err.file()).isEqualTo("routes.yaml");
            assertThat(err.line()).isEqualTo(5);
            assertThat(err.column()).isEqualTo(11);
            assertThat(err.message()).startsWith("YAML syntax error: '[' is not closed: expected ',' or ']'");
        });
    }

    /**
     * A sentence typed at the left margin inside a prompt's block: the parser gives up on the indented line after
     * it ("could not find expected ':'"); the error names the line typed and how to fix it.
     */
    /** A list where a key should be is said in words, not as the parser's event ("<org.yaml.snakeyaml.events…>"). */
    @Test
    void aListWhereAKeyShouldBeIsSaidWithoutTheParsersNames() {
        Path root = workspace();
        FixtureWorkspace.replace(root, "routes.yaml", "model: triage-rules-v1", "model: triage-rules-v1\n[a, b]: 2");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).first().satisfies(err -> {
            assertThat(err.file()).isEqualTo("routes.yaml");
            assertThat(err.message()).isEqualTo("YAML syntax error: expected a key (plain text before ':'), found a list"
                    + " ([ … ]); a line that starts with '[' or '{' is read as one: indent it into the block above it, or"
                    + " put it in quotes");
        });
    }

    @Test
    void aLineAtTheMarginInsideABlockIsNamedAsTheLineToIndent() {
        Path root = workspace();
        FixtureWorkspace.replace(root, "prompts/triage.yaml", "  You are the triage assistant of Northwind Goods. Answer",
                "Keep it short.\n  You are the triage assistant of Northwind Goods. Answer");
        FixtureWorkspace.replace(root, "prompts/triage.yaml", "system: |\nKeep", "system: |\n  Be kind.\nKeep");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).first().satisfies(err -> {
            assertThat(err.file()).isEqualTo("prompts/triage.yaml");
            assertThat(err.line()).isEqualTo(7);
            assertThat(err.column()).isEqualTo(1);
            assertThat(err.message()).isEqualTo("YAML syntax error: this line is at the left margin between indented "
                    + "lines, so it ends the block above it and the lines after it belong to nothing; indent it like them (2 spaces)");
        });
        // And only it: the two suites that use the prompt were also told 'unknown prompt "triage" (prompts:
        // reply-rubric)', as if the file were missing.
        assertThat(e.errors()).as("%s", e.errors()).hasSize(1);
    }

    @Test
    void unknownKeyNamesTheKeyTheRouteAndTheKeysExpected() {
        Path root = workspace();
        FixtureWorkspace.replace(root, "routes.yaml", "    timeout_ms: 30000\n", "    timeout_ms: 30000\n    retires: 3\n");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).isEqualTo("routes.yaml:14:5: unknown key \"retires\" in route \"openai\" (did you mean"
                + " retries? expected one of: "
                + "provider, model, base_url, api_key_env, headers, secret_headers, api_version, ca_file, script, params, timeout_ms, max_response_bytes, retries, fallbacks, breaker, limits, price)");
    }

    @Test
    void wrongTypeSaysWhatWasFoundAndWhatWasExpected() {
        Path root = workspace();
        FixtureWorkspace.replace(root, "gates.yaml", "{id: schema, kind: schema_pass_rate, min: 0.99}",
                "{id: schema, kind: schema_pass_rate, min: high}");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).isEqualTo("gates.yaml:2:47: \"min\" must be a number, found string \"high\"");
    }

    @Test
    void duplicateCaseIdNamesBothLines() {
        Path root = workspace();
        FixtureWorkspace.replace(root, "datasets/tickets.jsonl", "\"id\": \"t003\"", "\"id\": \"t001\"");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).isEqualTo("datasets/tickets.jsonl:4:8: duplicate case id \"t001\" (first on line 1)");
    }

    @Test
    void unknownDefaultRouteListsTheRoutes() {
        Path root = workspace();
        FixtureWorkspace.replace(root, "evalbench.yaml", "default_route: offline", "default_route: ofline");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage())
                .isEqualTo("evalbench.yaml:4:16: unknown route \"ofline\" (did you mean offline? routes: offline, openai)");
    }

    @Test
    void datasetLineThatIsNotJsonIsReportedAtItsLine() {
        Path root = workspace();
        FixtureWorkspace.replace(root, "datasets/tickets.jsonl", "\n\n", "\nthis is not json\n");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.toString()).startsWith("datasets/tickets.jsonl:3:1: not a JSON object: unexpected text 'this'");
        });
    }

    @Test
    void datasetLineThatIsJsonButNotAnObjectSaysWhatItIs() {
        Path root = workspace();
        FixtureWorkspace.replace(root, "datasets/tickets.jsonl", "\n\n", "\n[1, 2]\n");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).isEqualTo("datasets/tickets.jsonl:3:1: not a JSON object: found a list");
    }

    @Test
    void anApiKeyVariableCannotBeInterpolatedIntoARoute() {
        Path root = workspace();
        FixtureWorkspace.replace(root, "routes.yaml", "${OPENAI_MODEL:-gpt-4o-mini}", "${OPENAI_API_KEY}");

        WorkspaceException e = FixtureWorkspace.loadFailure(root, Map.of("OPENAI_API_KEY", "sk-secret-value"));

        assertThat(e.getMessage()).startsWith("routes.yaml:10:12: environment variable \"OPENAI_API_KEY\" holds an API key")
                .doesNotContain("sk-secret-value");
    }

    @Test
    void errorsAcrossFilesAreAllReportedTogether() {
        Path root = workspace();
        FixtureWorkspace.replace(root, "evalbench.yaml", "prompt: triage\n    dataset: datasets/probes", "prompt: triag\n    dataset: datasets/probes");
        FixtureWorkspace.replace(root, "evalbench.yaml", "datasets/tickets.jsonl", "datasets/tickts.jsonl");
        FixtureWorkspace.replace(root, "policy.yaml", "regex: '\\b(?:\\d[ -]?){13,16}\\b'", "regex: '(unclosed'");
        FixtureWorkspace.replace(root, "gates.yaml", "suite: safety}", "suite: safty}");
        FixtureWorkspace.replace(root, "gates.yaml", "classification.category.accuracy", "classification.categroy.accuracy");
        FixtureWorkspace.replace(root, "models/triage-rules.yaml", "'\\b(ORD-\\d{5})\\b'", "'\\bORD-\\d{5}\\b'");
        FixtureWorkspace.replace(root, "routes.yaml", "fallbacks: [offline]", "fallbacks: [ofline]");
        FixtureWorkspace.replace(root, "schemas/triage.schema.json", "\"type\": \"object\",\n  \"additionalProperties\"",
                "\"type\": \"objekt\",\n  \"additionalProperties\"");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).extracting(InputError::toString).containsExactlyInAnyOrder(
                "schemas/triage.schema.json:3:11: \"type\" must be one of: array, boolean, integer, null, number, object, "
                        + "string, or a list; found string \"objekt\" (did you mean object?) (this file must be a valid JSON"
                        + " Schema)",
                "models/triage-rules.yaml:2:13: capture \"order_id\" has no group: its value is group 1, e.g. '\\b(ORD-\\d{5})\\b'",
                "routes.yaml:15:17: unknown route \"ofline\" (did you mean offline? routes: offline, openai)",
                "policy.yaml:6:32: the regex of restricted pattern \"card_number\" does not compile: Unclosed group near "
                        + "position 10 in '(unclosed'",
                "evalbench.yaml:13:14: dataset \"datasets/tickts.jsonl\" does not exist",
                "evalbench.yaml:20:13: unknown prompt \"triag\" (did you mean triage? prompts: triage)",
                "gates.yaml:3:66: suite \"triage\" does not score \"categroy\" as classification (classification fields: "
                        + "category, priority)",
                "gates.yaml:5:49: unknown suite \"safty\" (did you mean safety? suites: triage, safety)");
    }

    /**
     * The e-mail pattern as commonly written backtracks on a long run of letters (33 s on 100,000 of them): the
     * policy does not load, and the error says where, on what text, and how to write the pattern instead.
     */
    @Test
    void aRestrictedPatternThatCannotSearchLongOutputsIsRefusedWithTheFix() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "policy.yaml", "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@", "[A-Za-z0-9._%+-]+@");
        FixtureWorkspace.replace(root, "policy.yaml", "regex: '\\b(?:\\d[ -]?){13,16}\\b'", "regex: '(?:a|b)*c'");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).extracting(InputError::toString).containsExactly(
                "policy.yaml:6:32: restricted pattern \"card_number\" cannot search long outputs: on \"a\" repeated to "
                        + "5,000 characters, the pattern recursed deeper than the thread's stack allows on a text of 5,000 "
                        + "characters and was stopped: a repeated group with alternatives recurses once a repetition "
                        + "(write (a|b)* as [ab]*); see docs/workspace-format.md, policy.yaml",
                "policy.yaml:7:26: restricted pattern \"email\" cannot search long outputs: on \"a\" repeated to 5,000 "
                        + "characters, the pattern read a text of 5,000 characters more than 256 times a character and was "
                        + "stopped: it backtracks (anchor its start, e.g. with a lookbehind, or make its runs possessive); "
                        + "see docs/workspace-format.md, policy.yaml");
    }

    /**
     * A stored run made with such a pattern (before the check, or by another version) stays readable (gated,
     * masked, reported) and resumable: the check is for new runs only. Its searches are bounded all the same.
     */
    @Test
    void aStoredRunsPolicyWithSuchAPatternStillLoadsToReadOrResumeTheRun() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        Map<String, String> vouched = new java.util.TreeMap<>(
                WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of()).inputDigests());
        FixtureWorkspace.replace(root, "policy.yaml", "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@", "[A-Za-z0-9._%+-]+@");
        vouched.put("policy.yaml", dev.evalbench.core.json.Digests.sha256(java.nio.file.Files.readAllBytes(root.resolve("policy.yaml"))));

        Workspace read = WorkspaceLoader.loadForReading(new DiskWorkspaceFiles(root), Map.of(), Map.of());
        Workspace resumed = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of(), vouched);

        for (Workspace ws : List.of(read, resumed)) {
            assertThat(ws.policy().restrictedPatterns()).extracting(PolicySpec.RestrictedPattern::regex)
                    .contains("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
        }
        assertThat(FixtureWorkspace.loadFailure(root).errors()).singleElement().asString()
                .contains("restricted pattern \"email\" cannot search long outputs");
    }

    @Test
    void taskCaseLackingAnExpectedScoredFieldIsNamed() {
        Path root = workspace();
        FixtureWorkspace.replace(root, "datasets/tickets.jsonl", "\"priority\": \"normal\", ", "");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).isEqualTo("datasets/tickets.jsonl:2:146: case \"t002\": \"expected\" lacks \"priority\" "
                + "(suite \"triage\" scores category, priority, order_id, action)");
    }

    /**
     * The policy decides on the output's "action": a closed output schema without one (an extraction written
     * from scratch) would have every output rejected, each case reading "reject → escalate" while it scores
     * right. Said at load, at the schema, with the fix.
     */
    @Test
    void aClosedOutputSchemaWithoutAnActionIsNamedWithTheActionsThePolicyAllows() {
        Path root = workspace();
        FixtureWorkspace.replace(root, "schemas/triage.schema.json", "\"action\", ", "");
        FixtureWorkspace.replace(root, "schemas/triage.schema.json", "    \"action\": { \"type\": \"string\" },\n", "");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.file()).isEqualTo("schemas/triage.schema.json");
            assertThat(err.line()).isEqualTo(1);
            assertThat(err.message()).isEqualTo("the output schema has no \"action\" property and allows no other: "
                    + "policy.yaml would reject every output of prompt \"triage\" (its decision is on the action the "
                    + "output proposes in \"action\"); add \"action\" to its properties and required (one of: "
                    + "reply, escalate, refund, close) and ask for it in the prompt");
        });
    }

    @Test
    void anActionEnumWithNoAllowedActionIsNamedAtTheEnum() throws Exception {
        Path root = workspace();
        FixtureWorkspace.replace(root, "schemas/triage.schema.json", "\"action\": { \"type\": \"string\" }",
                "\"action\": { \"enum\": [\"approve\", \"deny\"] }");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.file()).isEqualTo("schemas/triage.schema.json");
            assertThat(err.line()).isEqualTo(9);
            assertThat(err.message()).startsWith("\"action\" allows \"approve\", \"deny\", none of them in allowed_actions "
                    + "(reply, escalate, refund, close): policy.yaml would reject every output of prompt \"triage\"");
        });
        // An open schema without "action" is left alone: the prompt may still ask for one.
        FixtureWorkspace.replace(root, "schemas/triage.schema.json", "    \"action\": { \"enum\": [\"approve\", \"deny\"] },\n", "");
        FixtureWorkspace.replace(root, "schemas/triage.schema.json", "\"additionalProperties\": false,\n  \"required\"",
                "\"required\"");
        FixtureWorkspace.replace(root, "schemas/triage.schema.json", "\"action\", ", "");
        assertThat(WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of()).prompts()).containsKey("triage");
    }

    @Test
    void anExpectedLabelTheOutputSchemaRulesOutIsNamedWithTheValuesItAllows() {
        // "urgent" for "high": no output can ever match it, so the case would only lower the accuracy.
        Path root = workspace();
        FixtureWorkspace.replace(root, "datasets/tickets.jsonl", "\"priority\": \"high\"", "\"priority\": \"urgent\"");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).startsWith("datasets/tickets.jsonl:1:").endsWith("case \"t001\": expected \"priority\" is "
                + "\"urgent\", which no output can match: schemas/triage.schema.json allows \"low\", \"normal\", \"high\"");
    }

    @Test
    void expectedActionMustBeOneThePolicyAllows() {
        Path root = workspace();
        FixtureWorkspace.replace(root, "datasets/tickets.jsonl", "\"action\": \"escalate\"", "\"action\": \"escalte\"");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).startsWith("datasets/tickets.jsonl:4:").contains("expected action \"escalte\" is not an allowed action");
    }

    @Test
    void gateKeysThatDoNotApplyToItsKindAreNamedWithTheCondition() {
        Path root = workspace();
        FixtureWorkspace.replace(root, "gates.yaml", "{id: latency, kind: p95_latency, max_ms: 800}",
                "{id: latency, kind: p95_latency, min: 0.5}");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).extracting(InputError::toString).containsExactly(
                "gates.yaml:6:5: missing required key \"max_ms\" in gate \"latency\" (required when kind is p95_latency)",
                "gates.yaml:6:38: key \"min\" is not allowed in gate \"latency\" when kind is p95_latency (allowed: id, kind, suite, max_ms)");
    }

    @Test
    void metricLabelsMustBeOnesTheDatasetExpects() {
        Path root = workspace();
        FixtureWorkspace.replace(root, "gates.yaml", "classification.category.accuracy", "classification.category.precision.biling");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).isEqualTo("gates.yaml:3:66: label \"biling\" is never expected for \"category\" in suite "
                + "\"triage\" (labels: account, billing, shipping)");
    }

    @Test
    void missingFileSaysWhereItWasLookedForAndWhatItHolds() throws Exception {
        Path root = workspace();
        Files.delete(root.resolve("policy.yaml"));

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        // A first workspace written by hand lacks it: the message says what to put there.
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.file()).isEqualTo("policy.yaml");
            assertThat(err.message()).isEqualTo("not found in " + root.toAbsolutePath().normalize() + ": every workspace has "
                    + "its decision policy, allowed_actions and fallback_action at least (docs/workspace-format.md)");
        });
    }

    @Test
    void yamlTagsAliasesAndDuplicateKeysAreRefused() {
        Path root = workspace();
        FixtureWorkspace.replace(root, "policy.yaml", "revision: 2", "revision: !!int 2");
        FixtureWorkspace.replace(root, "gates.yaml", "gates:", "gates:\ngates:");
        FixtureWorkspace.replace(root, "routes.yaml", "model: triage-rules-v1", "model: &m triage-rules-v1");
        FixtureWorkspace.replace(root, "routes.yaml", "    model: ${OPENAI_MODEL:-gpt-4o-mini}", "    model: *m");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).extracting(InputError::toString).contains(
                "policy.yaml:1:11: YAML tags (!!int) are not allowed; write plain values",
                "gates.yaml:2:1: duplicate key \"gates\" (first on line 1)",
                "routes.yaml:10:12: YAML aliases (*m) are not supported; write the value out");
    }

    @Test
    void repeatedAndUnknownPreprocessingStepsAreNamed() {
        Path root = workspace();
        FixtureWorkspace.replace(root, "evalbench.yaml", "[trim, collapse_whitespace]", "[trim, trim, shout]");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).extracting(InputError::toString).containsExactly(
                "evalbench.yaml:8:13: \"preprocess\" must not repeat items: \"trim\" appears more than once",
                "evalbench.yaml:8:26: item 3 of \"preprocess\" must be one of: trim, collapse_whitespace, lowercase, "
                        + "strip_control; found string \"shout\"");
    }

    @Test
    void anEmptyOrListShapedFileSaysWhatItShouldHold() {
        Path root = workspace();
        FixtureWorkspace.write(root, "gates.yaml", "# nothing here\n");
        FixtureWorkspace.write(root, "policy.yaml", "- a\n- b\n");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).extracting(InputError::toString).containsExactlyInAnyOrder(
                "gates.yaml:1: the file is empty (expected keys and values)",
                "policy.yaml:1:1: the file must be an object (keys and values), found a list");
    }
}
