package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/ci.md's GitHub Actions workflow, taken from the document and run step by step as a runner would: first a
 * push to main (no baseline yet), then a pull request, each on a fresh checkout, sharing only uploaded artifacts.
 * {@code gh} is a stand-in over a folder of artifacts; {@code upload-artifact} copies into it (files and folders); the other actions
 * are no-ops. Every shell step must succeed, except the gate step, whose 1 is a verdict; the pull request must
 * find main's baseline and be gated against it.
 */
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT) // each recipe has its own folders
class CiRecipeTest {
    private static final Path DOC = Path.of(System.getProperty("basedir", ".")).resolve("docs/ci.md");
    private static final Pattern WORKFLOW = Pattern.compile("## GitHub Actions.*?```yaml\\n(.*?)\\n```", Pattern.DOTALL);

    @TempDir
    Path tmp;

    record Step(String name, int exit, String output) {}

    @Test
    void mainSeedsTheBaselineAndThePullRequestIsGatedAgainstIt() throws Exception {
        Matcher m = WORKFLOW.matcher(Files.readString(DOC));
        assertThat(m.find()).as("the GitHub workflow in %s", DOC).isTrue();
        JsonNode steps = new ObjectMapper(new YAMLFactory()).readTree(m.group(1)).path("jobs").path("evals").path("steps");
        assertThat(steps.size()).isGreaterThan(5);
        Path artifacts = Files.createDirectories(tmp.resolve("artifacts"));

        List<Step> main = runJob(steps, "push", 1, artifacts);
        assertGateStepsOnly(main);
        assertThat(artifacts.resolve("1/evalbench-baseline/run.json")).as("main left a baseline").isRegularFile();

        List<Step> pr = runJob(steps, "pull_request", 2, artifacts);
        assertGateStepsOnly(pr);
        assertThat(find(pr, "Download").output()).contains("baseline from run 1");
        String gates = Files.readString(tmp.resolve("pull_request/gates.json"));
        assertThat(gates).contains("\"baseline_run_id\"").doesNotContain("\"baseline_run_id\" : null");
        assertTheReportOpensAsTheComparisonWithMain(artifacts.resolve("2/evalbench-results/report"),
                artifacts.resolve("1/evalbench-baseline/run.json"));
    }

    /**
     * The pull request's artifact holds the report folder a reviewer opens with nothing else at hand: its run
     * compared with main's exported run, the baseline's records and the gate deltas in it.
     */
    private static void assertTheReportOpensAsTheComparisonWithMain(Path report, Path mainsExport) throws Exception {
        assertThat(report.resolve("report.json")).as("the reviewer's report in the artifact").isRegularFile();
        var opened = dev.evalbench.core.service.RunFiles.open(report);
        String mainRun = dev.evalbench.core.service.RunFiles.open(mainsExport).run().id();
        assertThat(opened.hasBaseline()).isTrue();
        assertThat(opened.baseline().id()).isEqualTo(mainRun);
        assertThat(opened.reportGates().baselineRunId()).isEqualTo(mainRun);
        assertThat(opened.baselineGates()).isNotNull();
    }

    private static final Pattern GITLAB = Pattern.compile("## GitLab CI.*?```yaml\\n(.*?)\\n```", Pattern.DOTALL);

    /**
     * docs/ci.md's GitLab pipeline: the main job (evals-baseline) and then a merge request's (evals), each as a
     * runner runs it (before_script and script in one shell that stops at the first failure, after_script in
     * another), on fresh checkouts sharing only main's artifacts, served by a curl stand-in.
     */
    @Test
    void gitlabMainSeedsTheBaselineAndTheMergeRequestIsGatedAgainstIt() throws Exception {
        Matcher m = GITLAB.matcher(Files.readString(DOC));
        assertThat(m.find()).as("the GitLab pipeline in %s", DOC).isTrue();
        JsonNode pipeline = new ObjectMapper(new YAMLFactory()).readTree(m.group(1));
        Path artifacts = Files.createDirectories(tmp.resolve("gl-artifacts"));

        Step main = runGitlabJob(pipeline, "evals-baseline", Map.of("CI_COMMIT_BRANCH", "main", "CI_PIPELINE_SOURCE", "push"), artifacts);
        assertThat(main.exit()).as("main: a verdict, which allow_failure accepts:%n%s", main.output())
                .isIn(0, 1).isIn(allowedExitCodes(pipeline.path("evals-baseline")));
        assertThat(artifacts.resolve("gitlab/export/run.json")).as("main left a baseline").isRegularFile();

        Step mr = runGitlabJob(pipeline, "evals", Map.of("CI_PIPELINE_SOURCE", "merge_request_event",
                "CI_MERGE_REQUEST_IID", "7", "CI_COMMIT_BRANCH", "feature"), artifacts);
        assertThat(mr.exit()).as("merge request: a verdict:%n%s", mr.output()).isBetween(0, 1);
        String gates = Files.readString(tmp.resolve("gl-evals/gates.json"));
        assertThat(gates).contains("\"baseline_run_id\"").doesNotContain("\"baseline_run_id\" : null");
        assertThat(pipeline.path("evals").path("artifacts").path("paths").toString()).contains("report/");
        assertTheReportOpensAsTheComparisonWithMain(tmp.resolve("gl-evals/report"), artifacts.resolve("gitlab/export/run.json"));
    }

    private static List<Integer> allowedExitCodes(JsonNode job) {
        List<Integer> codes = new ArrayList<>(List.of(0));
        job.path("allow_failure").path("exit_codes").forEach(c -> codes.add(c.asInt()));
        return codes;
    }

    private Step runGitlabJob(JsonNode pipeline, String job, Map<String, String> vars, Path artifacts) throws Exception {
        Path checkout = Files.createDirectories(tmp.resolve("gl-" + job));
        DocsSandbox sandbox = new DocsSandbox(checkout, artifacts);
        JsonNode spec = pipeline.path(job);
        JsonNode base = pipeline.path(spec.path("extends").asText());
        Map<String, String> env = new HashMap<>(Map.of("CI_JOB_TOKEN", "token", "CI_API_V4_URL", "https://gitlab.example/api/v4",
                "CI_PROJECT_ID", "42", "CI_DEFAULT_BRANCH", "main", "CI_PROJECT_DIR", checkout.toString()));
        env.putAll(vars);
        StringBuilder script = new StringBuilder("set -eo pipefail\n");
        for (JsonNode line : base.path("before_script")) script.append(line.asText()).append('\n');
        for (JsonNode line : spec.path("script")) script.append(line.asText()).append('\n');
        DocsSandbox.Result result = DocsSandbox.bash(checkout, script.toString(), sandbox.env(env));
        StringBuilder after = new StringBuilder("set -eo pipefail\n");
        for (JsonNode line : spec.path("after_script")) after.append(line.asText()).append('\n');
        DocsSandbox.Result afterResult = DocsSandbox.bash(checkout, after.toString(), sandbox.env(env));
        assertThat(afterResult.exit()).as("%s after_script:%n%s", job, afterResult.output()).isZero();
        // artifacts: when: always; main's become what jobs/artifacts/main/raw/... serves
        if (job.equals("evals-baseline") && allowedExitCodes(spec).contains(result.exit())) {
            for (JsonNode path : spec.path("artifacts").path("paths")) {
                Path from = checkout.resolve(path.asText());
                if (Files.isRegularFile(from)) {
                    Path to = artifacts.resolve("gitlab").resolve(path.asText());
                    Files.createDirectories(to.getParent());
                    Files.copy(from, to);
                }
            }
        }
        return new Step(job, result.exit(), result.output() + afterResult.output());
    }

    private static void assertGateStepsOnly(List<Step> steps) {
        for (Step s : steps) {
            if (s.name().startsWith("Run the suites")) {
                assertThat(s.exit()).as("%s: a verdict (0 or 1), not bad input or an outage:%n%s", s.name(), s.output()).isBetween(0, 1);
            } else {
                assertThat(s.exit()).as("%s:%n%s", s.name(), s.output()).isZero();
            }
        }
    }

    private static Step find(List<Step> steps, String prefix) {
        return steps.stream().filter(s -> s.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    private List<Step> runJob(JsonNode steps, String event, int runNumber, Path artifacts) throws Exception {
        Path checkout = Files.createDirectories(tmp.resolve(event));
        DocsSandbox sandbox = new DocsSandbox(checkout, artifacts);
        Path summary = checkout.resolve("step-summary.md");
        List<Step> ran = new ArrayList<>();
        boolean failed = false;
        for (JsonNode step : steps) {
            String name = step.path("name").asText(step.path("uses").asText("step"));
            String condition = step.path("if").asText("success()");
            if (!holds(condition, event, failed)) continue;
            if (step.has("uses")) {
                upload(step, checkout, artifacts.resolve(String.valueOf(runNumber)));
                continue;
            }
            Map<String, String> env = new HashMap<>(Map.of("GITHUB_REPOSITORY", "acme/shop", "GITHUB_ACTIONS", "true",
                    "GITHUB_STEP_SUMMARY", summary.toString()));
            step.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), expand(e.getValue().asText(), event)));
            String script = "set -eo pipefail\n" + expand(step.path("run").asText(), event);
            DocsSandbox.Result result = DocsSandbox.bash(checkout, script, sandbox.env(env));
            ran.add(new Step(name, result.exit(), result.output()));
            if (result.exit() != 0 && !step.path("continue-on-error").asBoolean(false)) failed = true;
        }
        return ran;
    }

    /** The conditions the recipe uses: always(), success(), and == tests of the event and the ref, joined by &&. */
    private static boolean holds(String condition, String event, boolean failed) {
        boolean always = condition.contains("always()");
        if (!always && failed) return false;
        for (String term : condition.split("&&")) {
            Matcher eq = Pattern.compile("github\\.(event_name|ref)\\s*==\\s*'([^']*)'").matcher(term);
            if (eq.find()) {
                String actual = eq.group(1).equals("event_name") ? event : "push".equals(event) ? "refs/heads/main" : "refs/pull/7/merge";
                if (!actual.equals(eq.group(2))) return false;
            }
        }
        return true;
    }

    private static String expand(String text, String event) {
        return text.replace("${{ github.event_name }}", event).replace("${{ github.token }}", "token")
                .replace("${{ github.event.pull_request.number }}", "7");
    }

    /** actions/upload-artifact: copies each listed path that exists into the run's artifact of that name. */
    private static void upload(JsonNode step, Path checkout, Path runArtifacts) throws Exception {
        if (!step.path("uses").asText().startsWith("actions/upload-artifact")) return;
        Path to = Files.createDirectories(runArtifacts.resolve(step.path("with").path("name").asText()));
        for (String line : step.path("with").path("path").asText().split("\n")) {
            Path from = checkout.resolve(line.strip());
            if (!line.isBlank() && Files.isRegularFile(from)) Files.copy(from, to.resolve(from.getFileName()));
            if (!line.isBlank() && Files.isDirectory(from)) Cli.copyTree(from, to.resolve(from.getFileName()));
        }
    }
}
