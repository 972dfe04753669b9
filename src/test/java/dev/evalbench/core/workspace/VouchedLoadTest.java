package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.evalbench.core.json.Digests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading for a stored run: files vouched for by the run's input digests skip the line-by-line dataset checks
 * (the bulk of a large load), yet give the same workspace, and any file that differs from what the run was made
 * from is checked in full again.
 */
class VouchedLoadTest {
    @TempDir Path dir;

    @Test
    void aVouchedLoadGivesTheSameWorkspaceAsAFullOne() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        Workspace full = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());

        Workspace vouched = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of(), full.inputDigests());

        assertThat(vouched.suites()).isEqualTo(full.suites());
        assertThat(vouched.gates()).isEqualTo(full.gates());
        assertThat(vouched.inputDigests()).isEqualTo(full.inputDigests());
        assertThat(vouched.suite("triage").cases().get(0).vars().get("ticket").asText())
                .as("preprocessing still applies").isEqualTo("I was charged twice for ORD-10421");
    }

    /**
     * To read a stored run (gate it, mask its outputs) a vouched dataset is parsed when its cases are first read,
     * which a gate of the stored rows never does; the cases are those a full load gives, two suites over one
     * dataset included, and come from the bytes read at load even if the file changes afterwards.
     */
    @Test
    void aLoadForReadingGivesTheSameCasesFromTheBytesItRead() throws Exception {
        Path root = withASecondSuiteOverTheTickets();
        Workspace full = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());

        Workspace forReading = WorkspaceLoader.loadForReading(new DiskWorkspaceFiles(root), Map.of(), full.inputDigests());
        FixtureWorkspace.replace(root, "datasets/tickets.jsonl", "I was   charged twice", "I was refunded");

        assertThat(forReading.suites()).isEqualTo(full.suites());
        assertThat(forReading.suite("again").cases()).hasSameSizeAs(full.suite("triage").cases());
        assertThat(forReading.suite("triage").cases().get(0).vars().get("ticket").asText())
                .isEqualTo("I was charged twice for ORD-10421");
        assertThat(forReading.gates()).isEqualTo(full.gates());
        assertThat(forReading.inputDigests()).isEqualTo(full.inputDigests());
    }

    /**
     * Read for a stored run, files byte for byte those its run checked are not checked again: here a rule that
     * today's type check refuses (as a looser, older check might have let through) still reads, while the same
     * files are refused for a new run and when nothing vouches for them.
     */
    @Test
    void aStoredRunsOwnFilesAreReadWithoutTheChecksTheyPassedWhenItWasMade() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        Map<String, String> asRun = new HashMap<>(WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of()).inputDigests());
        FixtureWorkspace.write(root, "policy.yaml", Files.readString(root.resolve("policy.yaml"))
                + "rules:\n  - {name: cites-order, require: 'output.order != null', reason: refunds need an order id}\n");
        asRun.put("policy.yaml", Digests.sha256(Files.readAllBytes(root.resolve("policy.yaml"))));

        Workspace read = WorkspaceLoader.loadForReading(new DiskWorkspaceFiles(root), Map.of(), asRun);

        assertThat(read.policy().rules()).extracting(PolicySpec.Rule::name).containsExactly("cites-order");
        assertThat(catchThrowableOfType(() -> WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of(), asRun),
                WorkspaceException.class)).hasMessageContaining("undefined field 'order'");
        assertThat(catchThrowableOfType(() -> WorkspaceLoader.loadForReading(new DiskWorkspaceFiles(root), Map.of(), Map.of()),
                WorkspaceException.class)).hasMessageContaining("undefined field 'order'");
    }

    /** A vouched file that cannot be read without its checks is read with them, which say what is wrong. */
    @Test
    void aVouchedFileThatNoLongerReadsIsCheckedAndRefusedInWords() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        Map<String, String> asRun = new HashMap<>(WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of()).inputDigests());
        FixtureWorkspace.replace(root, "policy.yaml", "revision: 2\n", "");
        asRun.put("policy.yaml", Digests.sha256(Files.readAllBytes(root.resolve("policy.yaml"))));

        WorkspaceException e = catchThrowableOfType(
                () -> WorkspaceLoader.loadForReading(new DiskWorkspaceFiles(root), Map.of(), asRun), WorkspaceException.class);

        assertThat(e).hasMessageContaining("policy.yaml").hasMessageContaining("revision");
    }

    /** Two suites over one dataset, read for a stored run: one scan of its restricted values serves both. */
    @Test
    void suitesSharingADatasetShareOneScanOfItsRestrictedValues() throws Exception {
        Path root = withASecondSuiteOverTheTickets();
        Workspace full = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());

        Workspace forReading = WorkspaceLoader.loadForReading(new DiskWorkspaceFiles(root), Map.of(), full.inputDigests());

        assertThat(forReading.suite("triage").restrictedById()).isNotEmpty()
                .isEqualTo(full.suite("triage").restrictedById())
                .isSameAs(forReading.suite("again").restrictedById());
    }

    /**
     * Read for a stored run with every file as it was, a gate's tag is not checked against the cases again (that
     * would parse the lazily read dataset); a gates file edited since the run is checked in full, tags included.
     */
    @Test
    void aTagGateIsCheckedAgainOnlyWhenTheGatesFileChangedSinceTheRun() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "gates.yaml", "  - {id: schema,", "  - {id: shipping, kind: metric, suite: triage, "
                + "metric: routing.accuracy, tag: shipping, min: 0.5}\n  - {id: schema,");
        Map<String, String> asRun = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of()).inputDigests();

        Workspace unchanged = WorkspaceLoader.loadForReading(new DiskWorkspaceFiles(root), Map.of(), asRun);
        assertThat(((LazyCases) unchanged.suite("triage").cases()).parsed()).isFalse();

        FixtureWorkspace.replace(root, "gates.yaml", "tag: shipping", "tag: customs");
        WorkspaceException e = catchThrowableOfType(
                () -> WorkspaceLoader.loadForReading(new DiskWorkspaceFiles(root), Map.of(), asRun), WorkspaceException.class);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("no case of suite \"triage\" carries the tag \"customs\"");
    }

    @Test
    void aDatasetEditedSinceTheRunIsCheckedInFull() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        Map<String, String> asRun = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of()).inputDigests();
        FixtureWorkspace.replace(root, "datasets/tickets.jsonl", "\"priority\": \"normal\", ", "");

        WorkspaceException e = catchThrowableOfType(
                () -> WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of(), asRun), WorkspaceException.class);

        assertThat(e).isNotNull();
        assertThat(e.errors()).anySatisfy(err -> {
            assertThat(err.file()).isEqualTo("datasets/tickets.jsonl");
            assertThat(err.line()).isEqualTo(2);
            assertThat(err.message()).contains("priority");
        });
    }

    @Test
    void aManifestEditedSinceTheRunMakesItsDatasetsCheckedAgain() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        Map<String, String> asRun = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of()).inputDigests();
        // The dataset is unchanged, but the suite now scores a field its cases do not give.
        FixtureWorkspace.replace(root, "evalbench.yaml", "extraction: [order_id]", "extraction: [order_id, refund_amount]");

        WorkspaceException e = catchThrowableOfType(
                () -> WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of(), asRun), WorkspaceException.class);

        assertThat(e).isNotNull();
        assertThat(e.errors()).anySatisfy(err -> {
            assertThat(err.file()).isEqualTo("datasets/tickets.jsonl");
            assertThat(err.message()).contains("refund_amount");
        });
    }

    /** The fixture with a suite "again" over the triage suite's dataset, through the same prompt. */
    private Path withASecondSuiteOverTheTickets() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "evalbench.yaml", "    routing: action\n", "    routing: action\n"
                + "  - {name: again, kind: task, prompt: triage, dataset: datasets/tickets.jsonl, version: \"1\",\n"
                + "     classification: [category], routing: action}\n");
        return root;
    }
}
